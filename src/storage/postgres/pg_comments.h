// The PostgreSQL comment store (storage/comment_store.h), in pg_comment_store.cpp (comments
// and reports) and pg_comment_moderation.cpp (log, bans, closed threads). Internal to
// src/storage/postgres/.
#pragma once

#include "model/moderation.h"
#include "storage/comment_store.h"
#include "storage/postgres/pg_counters.h"
#include "storage/postgres/pg_pool.h"

namespace warta::storage::postgres {

class PgCommentStore final : public CommentStore {
 public:
  PgCommentStore(Pool& pool, const TrendingPolicyHolder& trending)
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
  Result<std::vector<model::ModerationEntry>> ListLog(int limit) override;
  Result<std::int64_t> CountQueue() override;
  Result<std::int64_t> CountPublishedBy(std::int64_t user_id) override;
  Result<void> SetBanned(std::int64_t user_id, bool banned,
                         const model::ModerationEntry& log) override;
  Result<bool> IsBanned(std::int64_t user_id) override;
  Result<void> SetClosed(std::int64_t article_id, bool closed,
                         const model::ModerationEntry& log) override;
  Result<bool> IsClosed(std::int64_t article_id) override;

 private:
  Pool& pool_;
  const TrendingPolicyHolder& trending_;
};

// Shared by the two files: adds `delta` published comments to the article and bumps its
// version (NotFound for an unknown article), and announces "page ID" on the change channel
// at commit; appends a log line when `log` has an action.
Result<model::Counters> BumpArticle(Connection& connection, std::int64_t article_id,
                                    std::int64_t delta);
Result<void> AppendLog(Connection& connection, const model::ModerationEntry& log);

}  // namespace warta::storage::postgres
