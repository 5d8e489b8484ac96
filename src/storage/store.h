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

namespace warta::storage {

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
};

// Site-wide key/value settings that the demo and the admin set (site.name, site.locale, ...).
class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  virtual Result<std::optional<std::string>> Get(const std::string& key) = 0;
  // Inserts or replaces; committed before returning. Keys and values are UTF-8.
  virtual Result<void> Set(const std::string& key, const std::string& value) = 0;
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
