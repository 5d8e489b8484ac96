// The SQLite backend of storage::CommentStore. Internal to src/storage/sqlite/ (obtain it
// through storage::Store).
#pragma once

#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/trending_credit.h"
#include "storage/store.h"

namespace warta::storage::sqlite {

class SqliteCommentStore final : public CommentStore {
 public:
  SqliteCommentStore(ConnectionPool& pool, const TrendingPolicyHolder& trending)
      : pool_(pool), trending_(trending) {}

  Result<CommentChange> Create(const NewComment& comment) override;
  Result<std::optional<Comment>> FindById(std::int64_t id) override;
  Result<std::vector<Comment>> ListForArticle(std::int64_t article_id, bool include_hidden,
                                              int limit) override;
  Result<CommentChange> UpdateBody(std::int64_t id, const std::string& body_source,
                                   const std::string& body_html, const std::string& status,
                                   const std::string& reason, std::int64_t now) override;
  Result<CommentChange> SetStatus(std::int64_t id, const std::string& status,
                                  const std::string& reason, const ModerationEntry& log) override;
  Result<ReportResult> Report(std::int64_t id, const std::string& reporter, std::int64_t threshold,
                              std::int64_t now) override;
  Result<std::vector<Comment>> ListQueue(int limit) override;
  Result<std::vector<ModerationEntry>> ListLog(int limit) override;
  Result<std::int64_t> CountPublishedBy(std::int64_t user_id) override;
  Result<void> SetBanned(std::int64_t user_id, bool banned, const ModerationEntry& log) override;
  Result<bool> IsBanned(std::int64_t user_id) override;
  Result<void> SetClosed(std::int64_t article_id, bool closed, const ModerationEntry& log) override;
  Result<bool> IsClosed(std::int64_t article_id) override;

 private:
  ConnectionPool& pool_;
  const TrendingPolicyHolder& trending_;
};

}  // namespace warta::storage::sqlite
