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

  // Inserts and returns the new id. InvalidArgument if a required field is empty.
  virtual Result<std::int64_t> Insert(const model::NewArticle& article) = 0;
  // NotFound when there is no such id.
  virtual Result<model::Article> FindById(std::int64_t id) = 0;
  // Newest first by published_at, then id. offset/limit are bounded by the caller.
  virtual Result<std::vector<model::ArticleSummary>> ListNewest(int limit, int offset) = 0;
  virtual Result<std::int64_t> Count() = 0;
  // Current stored counters of one article.
  virtual Result<model::Counters> GetCounters(std::int64_t id) = 0;
  // Adds buffered view deltas (article id, delta) in one transaction and returns the new
  // stored totals in the same order. Ids that no longer exist are skipped (total -1).
  virtual Result<std::vector<std::int64_t>> AddViews(
      const std::vector<std::pair<std::int64_t, std::int64_t>>& deltas) = 0;
};

// Site-wide key/value settings that the demo and the admin set (site.name, site.locale, ...).
class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  virtual Result<std::optional<std::string>> Get(const std::string& key) = 0;
  virtual Result<void> Set(const std::string& key, const std::string& value) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Applies pending forward-only migrations; idempotent. Returns the schema version.
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
// Does not migrate: callers run Migrate() (serve does, at start).
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace warta::storage
