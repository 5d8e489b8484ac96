// The SQLite backend of storage::CommentStore. Internal to src/storage/sqlite/ (obtain it
// through storage::Store).
#pragma once

#include "storage/comment_store.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/trending_credit.h"

namespace warta::storage::sqlite {

class SqliteCommentStore final : public CommentStore {
 public:
  SqliteCommentStore(ConnectionPool& pool, const TrendingPolicyHolder& trending)
      : pool_(pool), trending_(trending) {}

  Result<model::CommentChange> Create(const model::NewComment& comment, std::int64_t day) override;
  Result<std::optional<model::Comment>> FindById(std::int64_t id) override;
  Result<std::vector<model::Comment>> ListForArticle(std::int64_t article_id, bool include_hidden,
                                                     int limit) override;
  Result<model::CommentChange> UpdateBody(std::int64_t id, const std::string& body_source,
                                          const std::string& body_html, model::CommentStatus status,
                                          model::PendingReason reason, std::int64_t now,
                                          std::int64_t day) override;
  Result<model::CommentChange> SetStatus(std::int64_t id, model::CommentStatus status,
                                         model::PendingReason reason,
                                         const model::ModerationEntry& log,
                                         std::int64_t day) override;
  Result<ReportResult> Report(std::int64_t id, const model::Liker& reporter, std::int64_t threshold,
                              std::int64_t now) override;
  Result<std::vector<model::Comment>> ListQueue(int limit) override;
  Result<std::int64_t> CountQueue() override;
  Result<std::vector<model::ModerationEntry>> ListLog(int limit) override;
  Result<std::int64_t> CountPublishedBy(std::int64_t user_id) override;
  Result<void> SetBanned(std::int64_t user_id, bool banned,
                         const model::ModerationEntry& log) override;
  Result<bool> IsBanned(std::int64_t user_id) override;
  Result<void> SetClosed(std::int64_t article_id, bool closed,
                         const model::ModerationEntry& log) override;
  Result<bool> IsClosed(std::int64_t article_id) override;

 private:
  ConnectionPool& pool_;
  const TrendingPolicyHolder& trending_;
};

}  // namespace warta::storage::sqlite
