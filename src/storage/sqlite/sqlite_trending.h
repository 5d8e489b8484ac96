// The SQLite backend of TrendingStore and TagStore. Internal to src/storage/sqlite/.
#pragma once

#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/trending_credit.h"
#include "storage/tag_store.h"
#include "storage/trending_store.h"

namespace warta::storage::sqlite {

// sqlite_trending_store.cpp
class SqliteTrendingStore final : public TrendingStore {
 public:
  SqliteTrendingStore(ConnectionPool& pool, TrendingPolicyHolder& policy)
      : pool_(pool), policy_(policy) {}

  Result<void> SetPolicy(const model::TrendingPolicy& policy, std::int64_t now) override;
  model::TrendingPolicy policy() const override { return policy_.Get(); }
  Result<void> Credit(std::int64_t article_id, model::EngagementKind kind, std::int64_t count,
                      std::int64_t at) override;
  Result<std::vector<PopularArticle>> Top(const PopularQuery& query) override;

 private:
  ConnectionPool& pool_;
  TrendingPolicyHolder& policy_;
};

// sqlite_tag_store.cpp; the listings in sqlite_tag_listing.cpp
class SqliteTagStore final : public TagStore {
 public:
  explicit SqliteTagStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::vector<TagCount>> ListTags(int limit) override;
  Result<std::vector<model::ArticleSummary>> ListByTags(const std::vector<std::string>& tags,
                                                        int limit, int offset) override;
  Result<std::vector<model::ArticleSummary>> ListByTagsAfter(
      const std::vector<std::string>& tags, int limit,
      const std::optional<ListCursor>& after) override;
  Result<std::int64_t> CountByTags(const std::vector<std::string>& tags, std::int64_t cap) override;
  Result<std::vector<std::pair<std::int64_t, std::vector<std::string>>>> TagsOf(
      const std::vector<std::int64_t>& article_ids) override;
  Result<std::vector<RelatedArticle>> Related(std::int64_t article_id, int limit,
                                              std::int64_t window_seconds) override;

 private:
  ConnectionPool& pool_;
};

// "?, ?, ?" with n placeholders, for IN lists (n >= 1).
std::string Placeholders(std::size_t n);

}  // namespace warta::storage::sqlite
