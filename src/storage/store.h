// The store: every storage interface of one database, one per aggregate (each in its own
// header, which states its errors, transactions, durability and threads). Two backends
// implement them: SQLite (embedded, default) and PostgreSQL (scale-out). SQL lives
// only under src/storage/.
//
// What holds for every store: each method may be called from any thread concurrently
// (backends keep a pool of connections); each blocks on database I/O, so request hot paths
// read through caches; a database failure is Io, a database busy past its timeout
// Unavailable; a stored value of a shape the code does not know (a status word, a role) is
// Corrupt.
//
// This header declares the stores without defining them: include the header of each store
// you call (storage/article_store.h, ...), so a change to one store recompiles only its users.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "storage/backup.h"

namespace warta::storage {

class AccountLinkStore;  // storage/account_link_store.h
class ArticleStore;      // storage/article_store.h
class AuditStore;        // storage/audit_store.h
class AuthorStore;       // storage/author_store.h
class CommentStore;      // storage/comment_store.h
class DayTotalsStore;    // storage/day_totals_store.h
class EditorialStore;    // storage/editorial_store.h
class LikeStore;         // storage/like_store.h
class ListingStore;      // storage/listing_store.h
class MediaStore;        // storage/media_store.h
class PageStore;         // storage/page_store.h
class PresenceStore;     // storage/presence_store.h
class SearchStore;       // storage/search_store.h
class SectionStore;      // storage/section_store.h
class SessionStore;      // storage/session_store.h
class SettingsStore;     // storage/settings_store.h
class ShareStore;        // storage/share_store.h
class SourceStore;       // storage/source_store.h
class SpamStore;         // storage/spam_store.h
class TagStore;          // storage/tag_store.h
class TokenStore;        // storage/token_store.h
class TrendingStore;     // storage/trending_store.h
class UserStore;         // storage/user_store.h

class Store {
 public:
  virtual ~Store() = default;

  // Applies pending forward-only migrations; idempotent. Returns the schema version.
  // Corrupt when the database has a newer schema than this binary knows.
  virtual Result<int> Migrate() = 0;
  // The schema version of the database, 0 for an empty one.
  virtual Result<int> SchemaVersion() = 0;

  // Each lives as long as the Store.
  virtual ArticleStore& articles() = 0;
  virtual SettingsStore& settings() = 0;
  virtual SourceStore& sources() = 0;
  virtual SearchStore& search() = 0;
  virtual UserStore& users() = 0;
  virtual SessionStore& sessions() = 0;
  virtual LikeStore& likes() = 0;
  virtual ShareStore& shares() = 0;
  virtual SpamStore& spam() = 0;
  virtual CommentStore& comments() = 0;
  virtual ListingStore& listings() = 0;  // feeds out and sitemaps
  virtual TrendingStore& trending() = 0;
  virtual TagStore& tags() = 0;
  virtual MediaStore& media() = 0;  // pictures (docs/decisions/0010-pictures.md)
  // The newsroom (docs/decisions/0009-newsroom.md).
  virtual EditorialStore& editorial() = 0;
  virtual SectionStore& sections() = 0;
  virtual AuthorStore& authors() = 0;
  virtual PageStore& pages() = 0;
  virtual AuditStore& audit() = 0;
  virtual TokenStore& tokens() = 0;
  virtual AccountLinkStore& account_links() = 0;
  virtual PresenceStore& presence() = 0;
  virtual DayTotalsStore& day_totals() = 0;

  // Copies the whole database to the file `path` while it is in use (SQLite's online backup,
  // in steps, reading one snapshot: the copy is consistent whatever is written meanwhile),
  // checks the copy with PRAGMA integrity_check, and only then puts it at `path` (written
  // beside it and renamed, so `path` is never a half copy). AlreadyExists when `path` exists
  // and not options.overwrite; Corrupt when the copy fails its check (nothing left behind);
  // Io for file system errors; InvalidArgument for a backend without file backups.
  virtual Result<BackupReport> Backup(const std::string& path, const BackupOptions& options) = 0;

  // "sqlite" or "postgresql", for logs and /metrics.
  virtual const char* backend_name() const = 0;
};

// Opens a store from a URL: "sqlite:PATH" (file created if absent, parent directory must
// exist and be writable) or "postgresql://..." (libpq's URL; Unavailable if unreachable).
// Does not migrate: callers run Migrate() (serve does, at start). The database is opened at
// once, so a bad path fails here with Io and a message naming it; nothing is created
// elsewhere. Unknown schemes give InvalidArgument naming the accepted forms.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace warta::storage
