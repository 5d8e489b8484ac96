// Storage interfaces, one per aggregate. Two backends implement them: SQLite (embedded,
// default) and PostgreSQL (scale-out, later). SQL lives only under src/storage/.
//
// Thread safety: every method may be called from any thread concurrently; backends keep a
// pool of connections internally. Methods block on database I/O: never call them on a
// request's hot path when a cache can answer.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/article.h"
#include "model/source.h"
#include "storage/trending_store.h"

namespace warta::storage {

// One article's near-duplicate fingerprint, for clustering (ArticleStore::RecentSimhashes).
struct SimhashCandidate {
  std::int64_t article_id = 0;
  std::int64_t source_id = 0;  // 0 when not from a feed
  std::int64_t story_id = 0;   // 0 when in no story yet
  std::uint64_t simhash = 0;
};

// An ingested article as `source reextract` needs it.
struct ArticleRef {
  std::int64_t id = 0;
  std::string url;
  std::string title;
};

class ArticleStore {
 public:
  virtual ~ArticleStore() = default;

  // Inserts the article with its tags in one transaction, committed before returning, and
  // returns the new id. Validates with model::ValidateNewArticle first (InvalidArgument or
  // TooLarge, nothing written). published_at 0 means "now". initial.comments is ignored:
  // the comments counter follows the stored comments.
  virtual Result<std::int64_t> Insert(const model::NewArticle& article) = 0;
  // The article with its tags (in the order given at insert). NotFound when there is no
  // such id.
  virtual Result<model::Article> FindById(std::int64_t id) = 0;
  // Newest first by published_at, then id; excerpt is ~280 bytes of the body's plain text.
  // InvalidArgument when limit is outside [0, 1000] or offset is negative.
  virtual Result<std::vector<model::ArticleSummary>> ListNewest(int limit, int offset) = 0;
  virtual Result<std::int64_t> Count() = 0;
  // Current stored counters of one article.
  virtual Result<model::Counters> GetCounters(std::int64_t id) = 0;
  // Adds buffered view deltas (article id, delta) in one transaction and returns the new
  // stored totals in the same order. Ids that no longer exist are skipped (total -1).
  // InvalidArgument (nothing written) for a negative delta.
  virtual Result<std::vector<std::int64_t>> AddViews(
      const std::vector<std::pair<std::int64_t, std::int64_t>>& deltas) = 0;

  // --- ingest ---
  // Ids of an already stored article with the same key, or nullopt. Empty keys match nothing.
  virtual Result<std::optional<std::int64_t>> FindIdByGuid(std::int64_t source_id,
                                                           const std::string& guid) = 0;
  virtual Result<std::optional<std::int64_t>> FindIdByCanonicalUrl(
      const std::string& canonical_url) = 0;
  virtual Result<std::optional<std::int64_t>> FindIdByContentHash(
      std::int64_t source_id, const std::string& content_hash) = 0;
  // Fingerprints of articles published in [from, to] (unix seconds), newest first, at most
  // `limit` (InvalidArgument outside [1, 100000]).
  virtual Result<std::vector<SimhashCandidate>> RecentSimhashes(std::int64_t from, std::int64_t to,
                                                                int limit) = 0;
  // Puts `article_id` into the story of `member_id` (creating the story when the member has
  // none; merging when both have one) in one transaction, and bumps the version of every
  // article of the story, since their pages list each other. Returns the story id.
  // NotFound when either article does not exist.
  virtual Result<std::int64_t> JoinStory(std::int64_t article_id, std::int64_t member_id) = 0;
  // The other sources' articles in the article's story, one per source name, oldest first;
  // empty when it is in no story.
  virtual Result<std::vector<model::RelatedReport>> AlsoReportedBy(std::int64_t article_id) = 0;
  // The newest articles of one source (by published_at), at most `limit` (1..1000).
  virtual Result<std::vector<ArticleRef>> ListBySource(std::int64_t source_id, int limit) = 0;
  // Replaces the (sanitized) body and bumps the version. NotFound for an unknown id;
  // InvalidArgument/TooLarge under the same rules as Insert.
  virtual Result<void> UpdateBody(std::int64_t id, const std::string& body_html) = 0;
};

// Feed sources and their fetch state.
class SourceStore {
 public:
  virtual ~SourceStore() = default;

  // Validates (model::ValidateNewSource) and inserts; the source is due at once.
  // AlreadyExists when a source with that URL exists.
  virtual Result<std::int64_t> Add(const model::NewSource& source) = 0;
  // NotFound when there is no such id.
  virtual Result<model::Source> FindById(std::int64_t id) = 0;
  virtual Result<std::optional<model::Source>> FindByUrl(const std::string& url) = 0;
  // Every source by id, with items_last_week counted over the 7 days before `now`.
  virtual Result<std::vector<model::Source>> List(std::int64_t now) = 0;
  // Enabled sources with next_fetch_at <= now, longest overdue first, at most `limit`.
  virtual Result<std::vector<model::Source>> ListDue(std::int64_t now, int limit) = 0;
  // Writes the outcome of one fetch. A new_url already taken by another source is ignored
  // (the source keeps its URL). NotFound when there is no such id.
  virtual Result<void> RecordFetch(std::int64_t id, const model::FetchRecord& record) = 0;
  // Replaces the operator's settings (name, site_url, lang, time_zone, category,
  // refresh_minutes, full_text, enabled) from `settings`; the fetch state is kept.
  virtual Result<void> UpdateSettings(std::int64_t id, const model::NewSource& settings) = 0;
};

// Site-wide key/value settings that the demo and the admin set (site.name, site.locale, ...).
class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  virtual Result<std::optional<std::string>> Get(const std::string& key) = 0;
  // Inserts or replaces; committed before returning. Keys and values are UTF-8.
  virtual Result<void> Set(const std::string& key, const std::string& value) = 0;
};

// --- Readers: accounts, sessions, likes, shares ---

// An account. Names are unique ignoring ASCII case ("Budi" and "budi" are one account); the
// name rules themselves (auth/username.h) are checked by auth, not here.
struct User {
  std::int64_t id = 0;
  std::string name;           // as registered
  std::string password_hash;  // argon2id, in libsodium's crypto_pwhash_str format
  std::string role;           // "reader", "moderator", "editor" or "admin"
  std::int64_t created_at = 0;
};

struct NewUser {
  std::string name;
  std::string password_hash;
  std::string role = "reader";
};

class UserStore {
 public:
  virtual ~UserStore() = default;
  // Inserts and returns the new id, committed before returning. AlreadyExists when the name
  // is taken (ignoring ASCII case); InvalidArgument for an empty or over-long name or hash,
  // or an unknown role.
  virtual Result<std::int64_t> Create(const NewUser& user) = 0;
  // nullopt when there is no such account.
  virtual Result<std::optional<User>> FindByName(const std::string& name) = 0;
  virtual Result<std::optional<User>> FindById(std::int64_t id) = 0;
  // NotFound when there is no such account.
  virtual Result<void> SetPasswordHash(std::int64_t id, const std::string& password_hash) = 0;
  virtual Result<void> SetRole(std::int64_t id, const std::string& role) = 0;
  virtual Result<std::int64_t> Count() = 0;
};

// A login session. Only a hash of the session token is stored, so a copy of the database
// does not let anyone log in as a reader.
struct SessionRecord {
  std::string id_hash;  // hex digest of the token (auth/sessions.h)
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::int64_t last_seen_at = 0;
};

struct SessionWithUser {
  SessionRecord session;
  User user;
};

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  // Committed before returning. NotFound when the user does not exist; AlreadyExists when
  // the id is taken (a random 256-bit token: never in practice).
  virtual Result<void> Create(const SessionRecord& session) = 0;
  // The session and its account; nullopt when absent or expired (expires_at <= now).
  virtual Result<std::optional<SessionWithUser>> Find(const std::string& id_hash,
                                                      std::int64_t now) = 0;
  // Slides the expiry. Absent sessions are ignored.
  virtual Result<void> Touch(const std::string& id_hash, std::int64_t last_seen_at,
                             std::int64_t expires_at) = 0;
  // Ends one session (logout); absent sessions are ignored.
  virtual Result<void> Delete(const std::string& id_hash) = 0;
  // Ends every session of an account (password change, ban); returns how many.
  virtual Result<std::int64_t> DeleteForUser(std::int64_t user_id) = 0;
  // Removes sessions with expires_at <= now; returns how many.
  virtual Result<std::int64_t> DeleteExpired(std::int64_t now) = 0;
};

// The outcome of a like or unlike: whether a like row was added or removed, and the article's
// stored counters after it (views: the stored total, without views not yet flushed).
struct LikeChange {
  bool changed = false;
  model::Counters counters;
};

// Likes are rows keyed by (article, liker), the liker being "u:<user id>" or
// "v:<visitor id>", so repeats and retries from any node are idempotent. articles.likes is
// changed in the same transaction only when a row was added or removed, so it stays exact
// under any concurrency. Writes are committed and synced to disk before returning: an
// acknowledged like survives a crash.
class LikeStore {
 public:
  virtual ~LikeStore() = default;
  // NotFound for an unknown article; InvalidArgument for an empty or over-long liker.
  virtual Result<LikeChange> Like(std::int64_t article_id, const std::string& liker,
                                  std::int64_t now) = 0;
  virtual Result<LikeChange> Unlike(std::int64_t article_id, const std::string& liker) = 0;
  virtual Result<bool> IsLiked(std::int64_t article_id, const std::string& liker) = 0;
};

// Shares counted per article and network (whatsapp, facebook, x, ...); articles.shares is
// the sum, changed in the same transaction. Durable like likes.
class ShareStore {
 public:
  virtual ~ShareStore() = default;
  // Counts one share and returns the article's stored counters. NotFound for an unknown
  // article; InvalidArgument for a network name that is not 1..32 of [a-z0-9_-].
  virtual Result<model::Counters> Add(std::int64_t article_id, const std::string& network) = 0;
  // (network, count) of one article, by network name.
  virtual Result<std::vector<std::pair<std::string, std::int64_t>>> ByNetwork(
      std::int64_t article_id) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Applies pending forward-only migrations; idempotent. Returns the schema version.
  // Corrupt when the database has a newer schema than this binary knows.
  virtual Result<int> Migrate() = 0;
  // The schema version of the database, 0 for an empty one.
  virtual Result<int> SchemaVersion() = 0;

  virtual ArticleStore& articles() = 0;
  virtual SettingsStore& settings() = 0;
  virtual SourceStore& sources() = 0;
  virtual UserStore& users() = 0;
  virtual SessionStore& sessions() = 0;
  virtual LikeStore& likes() = 0;
  virtual ShareStore& shares() = 0;
  virtual TrendingStore& trending() = 0;
  virtual TagStore& tags() = 0;

  // "sqlite" or "postgresql", for logs and /metrics.
  virtual const char* backend_name() const = 0;
};

// Opens a store from a URL: "sqlite:PATH" (file created if absent, parent directory must
// exist and be writable) or "postgresql://..." (not yet built: returns InvalidArgument).
// Does not migrate: callers run Migrate() (serve does, at start). The database is opened at
// once, so a bad path fails here with Io and a message naming it; nothing is created
// elsewhere. Unknown schemes give InvalidArgument naming the accepted forms.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace warta::storage
