// The embedded SQLite backend of storage::Store. Obtain it through storage::OpenStore
// ("sqlite:PATH"); this header is for the backend's own code and tests.
#pragma once

#include <memory>
#include <string>

#include "storage/sqlite/connection_pool.h"
#include "storage/store.h"

namespace warta::storage::sqlite {

inline constexpr int kDefaultMaxConnections = 8;

class SqliteArticleStore final : public ArticleStore {
 public:
  explicit SqliteArticleStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::int64_t> Insert(const model::NewArticle& article) override;
  Result<model::Article> FindById(std::int64_t id) override;
  Result<std::vector<model::ArticleSummary>> ListNewest(int limit, int offset) override;
  Result<std::int64_t> Count() override;
  Result<model::Counters> GetCounters(std::int64_t id) override;
  Result<std::vector<std::int64_t>> AddViews(
      const std::vector<std::pair<std::int64_t, std::int64_t>>& deltas) override;

 private:
  ConnectionPool& pool_;
};

class SqliteSettingsStore final : public SettingsStore {
 public:
  explicit SqliteSettingsStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::optional<std::string>> Get(const std::string& key) override;
  Result<void> Set(const std::string& key, const std::string& value) override;

 private:
  ConnectionPool& pool_;
};

class SqliteStore final : public Store {
 public:
  // Opens (creating if absent) the database at `path`; the parent directory must exist.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   int max_connections = kDefaultMaxConnections);

  Result<int> Migrate() override;
  Result<int> SchemaVersion() override;
  ArticleStore& articles() override { return articles_; }
  SettingsStore& settings() override { return settings_; }
  const char* backend_name() const override { return "sqlite"; }

  ConnectionPool& pool() { return *pool_; }

 private:
  explicit SqliteStore(std::unique_ptr<ConnectionPool> pool);

  std::unique_ptr<ConnectionPool> pool_;
  SqliteArticleStore articles_;
  SqliteSettingsStore settings_;
};

}  // namespace warta::storage::sqlite
