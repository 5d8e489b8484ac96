// Comments, reports, bans, closed threads and the moderation log on SQLite. Every write is
// one immediate, synced transaction that also keeps articles.comments equal to the number
// of published comments and bumps articles.version (the page shows the thread).
#include <string_view>

#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/sqlite_comments.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/trending_credit.h"
#include "storage/sqlite/unix_time.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

constexpr std::string_view kSelectComment =
    "SELECT c.id, c.article_id, coalesce(c.parent_id, 0), coalesce(c.user_id, 0), "
    "coalesce(u.name, ''), c.depth, c.body_source, c.body_html, c.status, c.reason, "
    "c.created_at, c.edited_at, c.reports FROM comments c LEFT JOIN users u ON u.id = c.user_id ";

bool IsStatus(std::string_view status) {
  return status == "published" || status == "pending" || status == "rejected" || status == "spam" ||
         status == "deleted";
}

Result<void> CheckStatus(std::string_view status) {
  if (IsStatus(status)) return Ok();
  return MakeError(ErrorCode::kInvalidArgument,
                   "storage: unknown comment status '" + std::string(status) + "'");
}

Comment ReadComment(const Statement& stmt) {
  Comment c;
  c.id = stmt.Int64(0);
  c.article_id = stmt.Int64(1);
  c.parent_id = stmt.Int64(2);
  c.user_id = stmt.Int64(3);
  c.author = stmt.Text(4);
  c.depth = static_cast<int>(stmt.Int64(5));
  c.body_source = stmt.Text(6);
  c.body_html = stmt.Text(7);
  c.status = stmt.Text(8);
  c.reason = stmt.Text(9);
  c.created_at = stmt.Int64(10);
  c.edited_at = stmt.Int64(11);
  c.reports = stmt.Int64(12);
  return c;
}

Result<std::optional<Comment>> FindIn(Connection& connection, std::int64_t id) {
  static const std::string sql = std::string(kSelectComment) + "WHERE c.id = ?";
  auto stmt = connection.Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, id);
  return RunReturning(*stmt, ReadComment);
}

// Columns as ListLog selects them.
ModerationEntry ReadLogEntry(const Statement& stmt) {
  ModerationEntry e;
  e.id = stmt.Int64(0);
  e.comment_id = stmt.Int64(1);
  e.article_id = stmt.Int64(2);
  e.target_user = stmt.Int64(3);
  e.target_name = stmt.Text(4);
  e.moderator_id = stmt.Int64(5);
  e.moderator_name = stmt.Text(6);
  e.action = stmt.Text(7);
  e.note = stmt.Text(8);
  e.created_at = stmt.Int64(9);
  return e;
}

Error NoSuchComment(std::int64_t id) { return NoSuchId("comment", id); }

// Adds `delta` published comments to the article (0: none), bumps its version (the page shows
// the thread), returns its counters.
Result<model::Counters> BumpArticle(Connection& connection, std::int64_t article_id,
                                    std::int64_t delta) {
  auto stmt = connection.Prepare(
      "UPDATE articles SET comments = max(comments + ?, 0), version = version + 1 WHERE id = ? "
      "RETURNING views, likes, comments, shares");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, delta).Bind(2, article_id);
  return ReturnedCounters(*stmt, article_id);
}

// BumpArticle, and the same change to trending: a published comment counts as an event at the
// time it was written, so taking it back (delete, reject, spam) removes exactly what it added,
// decayed alike.
Result<model::Counters> TouchArticle(Connection& connection, const model::TrendingPolicy& policy,
                                     std::int64_t article_id, std::int64_t delta,
                                     std::int64_t written_at) {
  auto counters = BumpArticle(connection, article_id, delta);
  if (!counters.ok()) return counters.error();
  WARTA_RETURN_IF_ERROR(CreditTrending(connection, policy, article_id,
                                       model::EngagementKind::kComment, delta, written_at,
                                       UnixNow()));
  return counters;
}

std::int64_t PublishedDelta(std::string_view before, std::string_view after) {
  return (after == "published" ? 1 : 0) - (before == "published" ? 1 : 0);
}

Result<void> AppendLog(Connection& connection, const ModerationEntry& log) {
  if (log.action.empty()) return Ok();
  auto stmt = connection.Prepare(
      "INSERT INTO moderation_log (comment_id, article_id, target_user, moderator_id, action, "
      "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
  if (!stmt.ok()) return stmt.error();
  auto bind_id = [&stmt](int index, std::int64_t value) {
    if (value == 0) {
      stmt->BindNull(index);
    } else {
      stmt->Bind(index, value);
    }
  };
  bind_id(1, log.comment_id);
  bind_id(2, log.article_id);
  bind_id(3, log.target_user);
  bind_id(4, log.moderator_id);
  stmt->Bind(5, log.action).Bind(6, log.note).Bind(7, log.created_at);
  return stmt->Run();
}

// Changes one comment's status (and optionally body) inside a transaction.
Result<CommentChange> ChangeComment(Connection& connection, const model::TrendingPolicy& policy,
                                    std::int64_t id, const std::string& status,
                                    const std::string& reason, const std::string* body_source,
                                    const std::string* body_html, std::int64_t edited_at) {
  auto before = FindIn(connection, id);
  if (!before.ok()) return before.error();
  if (!*before) return NoSuchComment(id);
  const bool clear = status == "deleted";
  auto stmt = connection.Prepare(
      "UPDATE comments SET status = ?, reason = ?, "
      "body_source = coalesce(?, body_source), body_html = coalesce(?, body_html), "
      "edited_at = CASE WHEN ? = 0 THEN edited_at ELSE ? END WHERE id = ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, status).Bind(2, reason);
  if (clear) {
    stmt->Bind(3, std::string_view()).Bind(4, std::string_view());
  } else if (body_source != nullptr) {
    stmt->Bind(3, *body_source).Bind(4, *body_html);
  } else {
    stmt->BindNull(3).BindNull(4);
  }
  stmt->Bind(5, edited_at).Bind(6, edited_at).Bind(7, id);
  WARTA_RETURN_IF_ERROR(stmt->Run());
  auto counters = TouchArticle(connection, policy, (*before)->article_id,
                               PublishedDelta((*before)->status, status), (*before)->created_at);
  if (!counters.ok()) return counters.error();
  auto after = FindIn(connection, id);
  if (!after.ok()) return after.error();
  return CommentChange{**after, *counters};
}

}  // namespace

Result<CommentChange> SqliteCommentStore::Create(const NewComment& comment) {
  WARTA_RETURN_IF_ERROR(CheckStatus(comment.status));
  return InDurableWriteTransaction<CommentChange>(
      pool_, [&](Connection& connection) -> Result<CommentChange> {
        auto counters = TouchArticle(connection, trending_.Get(), comment.article_id,
                                     PublishedDelta("", comment.status), comment.created_at);
        if (!counters.ok()) return counters.error();
        auto stmt = connection.Prepare(
            "INSERT INTO comments (article_id, parent_id, user_id, depth, body_source, body_html, "
            "status, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
        if (!stmt.ok()) return stmt.error();
        stmt->Bind(1, comment.article_id);
        if (comment.parent_id == 0) {
          stmt->BindNull(2);
        } else {
          stmt->Bind(2, comment.parent_id);
        }
        if (comment.user_id == 0) {
          stmt->BindNull(3);
        } else {
          stmt->Bind(3, comment.user_id);
        }
        stmt->Bind(4, std::int64_t{comment.depth}).Bind(5, comment.body_source);
        stmt->Bind(6, comment.body_html).Bind(7, comment.status).Bind(8, comment.reason);
        stmt->Bind(9, comment.created_at);
        auto id = InsertReturningId(*stmt, "comment");
        if (!id.ok()) return id.error();
        auto stored = FindIn(connection, *id);
        if (!stored.ok()) return stored.error();
        return CommentChange{**stored, *counters};
      });
}

Result<std::optional<Comment>> SqliteCommentStore::FindById(std::int64_t id) {
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  return FindIn(**connection, id);
}

Result<std::vector<Comment>> SqliteCommentStore::ListForArticle(std::int64_t article_id,
                                                                bool include_hidden, int limit) {
  if (limit < 1 || limit > 100'000) {
    return MakeError(ErrorCode::kInvalidArgument, "storage: comment list limit out of range");
  }
  static const std::string sql = std::string(kSelectComment) +
                                 "WHERE c.article_id = ? AND (? OR c.status IN ('published', "
                                 "'deleted', 'rejected', 'spam')) ORDER BY c.id LIMIT ?";
  auto comments = QueryAll(
      pool_, sql,
      [&](Statement& stmt) {
        stmt.Bind(1, article_id).Bind(2, std::int64_t{include_hidden ? 1 : 0});
        stmt.Bind(3, std::int64_t{limit});
      },
      ReadComment);
  if (!comments.ok() || include_hidden) return comments;
  // Hidden comments are still listed (without their text) so replies keep their place in
  // the thread; the caller shows a placeholder or leaves them out.
  for (Comment& c : *comments) {
    if (c.status != "published") {
      c.body_source.clear();
      c.body_html.clear();
    }
  }
  return comments;
}

Result<CommentChange> SqliteCommentStore::UpdateBody(std::int64_t id,
                                                     const std::string& body_source,
                                                     const std::string& body_html,
                                                     const std::string& status,
                                                     const std::string& reason, std::int64_t now) {
  WARTA_RETURN_IF_ERROR(CheckStatus(status));
  return InDurableWriteTransaction<CommentChange>(pool_, [&](Connection& connection) {
    return ChangeComment(connection, trending_.Get(), id, status, reason, &body_source, &body_html,
                         now);
  });
}

Result<CommentChange> SqliteCommentStore::SetStatus(std::int64_t id, const std::string& status,
                                                    const std::string& reason,
                                                    const ModerationEntry& log) {
  WARTA_RETURN_IF_ERROR(CheckStatus(status));
  return InDurableWriteTransaction<CommentChange>(
      pool_, [&](Connection& connection) -> Result<CommentChange> {
        auto change =
            ChangeComment(connection, trending_.Get(), id, status, reason, nullptr, nullptr, 0);
        if (!change.ok()) return change;
        ModerationEntry entry = log;
        entry.comment_id = id;
        entry.article_id = change->comment.article_id;
        entry.target_user = change->comment.user_id;
        WARTA_RETURN_IF_ERROR(AppendLog(connection, entry));
        return change;
      });
}

Result<CommentStore::ReportResult> SqliteCommentStore::Report(std::int64_t id,
                                                              const std::string& reporter,
                                                              std::int64_t threshold,
                                                              std::int64_t now) {
  if (reporter.empty() || reporter.size() > 64) {
    return MakeError(ErrorCode::kInvalidArgument, "storage: bad reporter key");
  }
  return InDurableWriteTransaction<ReportResult>(
      pool_, [&](Connection& connection) -> Result<ReportResult> {
        auto before = FindIn(connection, id);
        if (!before.ok()) return before.error();
        if (!*before) return NoSuchComment(id);
        auto insert = connection.Prepare(
            "INSERT INTO comment_reports (comment_id, reporter, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT DO NOTHING RETURNING 1");
        if (!insert.ok()) return insert.error();
        insert->Bind(1, id).Bind(2, reporter).Bind(3, now);
        auto inserted = RunReturning(*insert, RowFound);
        if (!inserted.ok()) return inserted.error();
        ReportResult result;
        result.first = inserted->has_value();
        if (!result.first) {
          auto counters = BumpArticle(connection, (*before)->article_id, 0);
          if (!counters.ok()) return counters.error();
          result.change = CommentChange{**before, *counters};
          return result;
        }
        auto bump = connection.Prepare("UPDATE comments SET reports = reports + 1 WHERE id = ?");
        if (!bump.ok()) return bump.error();
        bump->Bind(1, id);
        WARTA_RETURN_IF_ERROR(bump->Run());
        const bool queue = (*before)->status == "published" && (*before)->reports + 1 >= threshold;
        const std::string& status = queue ? std::string("pending") : (*before)->status;
        const std::string& reason = queue ? std::string("reports") : (*before)->reason;
        auto change =
            ChangeComment(connection, trending_.Get(), id, status, reason, nullptr, nullptr, 0);
        if (!change.ok()) return change.error();
        result.change = std::move(change).value();
        return result;
      });
}

Result<std::vector<Comment>> SqliteCommentStore::ListQueue(int limit) {
  if (limit < 1 || limit > 10'000) {
    return MakeError(ErrorCode::kInvalidArgument, "storage: queue limit out of range");
  }
  static const std::string sql = std::string(kSelectComment) +
                                 "WHERE c.status = 'pending' OR (c.status = 'published' AND "
                                 "c.reports > 0) ORDER BY c.id LIMIT ?";
  return QueryAll(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, std::int64_t{limit}); }, ReadComment);
}

Result<std::vector<ModerationEntry>> SqliteCommentStore::ListLog(int limit) {
  if (limit < 1 || limit > 10'000) {
    return MakeError(ErrorCode::kInvalidArgument, "storage: log limit out of range");
  }
  return QueryAll(
      pool_,
      "SELECT l.id, coalesce(l.comment_id, 0), coalesce(l.article_id, 0), "
      "coalesce(l.target_user, 0), coalesce(t.name, ''), coalesce(l.moderator_id, 0), "
      "coalesce(m.name, ''), l.action, l.note, l.created_at FROM moderation_log l "
      "LEFT JOIN users t ON t.id = l.target_user LEFT JOIN users m ON m.id = l.moderator_id "
      "ORDER BY l.created_at DESC, l.id DESC LIMIT ?",
      [&](Statement& stmt) { stmt.Bind(1, std::int64_t{limit}); }, ReadLogEntry);
}

Result<std::int64_t> SqliteCommentStore::CountPublishedBy(std::int64_t user_id) {
  return QueryOneInt64(pool_,
                       "SELECT count(*) FROM comments WHERE user_id = ? AND status = 'published'",
                       [&](Statement& stmt) { stmt.Bind(1, user_id); });
}

Result<void> SqliteCommentStore::SetBanned(std::int64_t user_id, bool banned,
                                           const ModerationEntry& log) {
  return InDurableWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    auto stmt = connection.Prepare(
        banned ? "INSERT INTO comment_bans (user_id, created_at) SELECT id, ? FROM users "
                 "WHERE id = ? ON CONFLICT DO NOTHING"
               : "DELETE FROM comment_bans WHERE user_id = ? AND ? >= 0");
    if (!stmt.ok()) return stmt.error();
    if (banned) {
      stmt->Bind(1, log.created_at).Bind(2, user_id);
    } else {
      stmt->Bind(1, user_id).Bind(2, log.created_at);
    }
    WARTA_RETURN_IF_ERROR(stmt->Run());
    ModerationEntry entry = log;
    entry.target_user = user_id;
    return AppendLog(connection, entry);
  });
}

Result<bool> SqliteCommentStore::IsBanned(std::int64_t user_id) {
  return HasRow(pool_, "SELECT 1 FROM comment_bans WHERE user_id = ?",
                [&](Statement& stmt) { stmt.Bind(1, user_id); });
}

Result<void> SqliteCommentStore::SetClosed(std::int64_t article_id, bool closed,
                                           const ModerationEntry& log) {
  return InDurableWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    auto touched = BumpArticle(connection, article_id, 0);
    if (!touched.ok()) return touched.error();
    auto stmt = connection.Prepare(
        closed ? "INSERT INTO comments_closed (article_id, created_at) VALUES (?, ?) "
                 "ON CONFLICT DO NOTHING"
               : "DELETE FROM comments_closed WHERE article_id = ? AND ? >= 0");
    if (!stmt.ok()) return stmt.error();
    stmt->Bind(1, article_id).Bind(2, log.created_at);
    WARTA_RETURN_IF_ERROR(stmt->Run());
    ModerationEntry entry = log;
    entry.article_id = article_id;
    return AppendLog(connection, entry);
  });
}

Result<bool> SqliteCommentStore::IsClosed(std::int64_t article_id) {
  return HasRow(pool_, "SELECT 1 FROM comments_closed WHERE article_id = ?",
                [&](Statement& stmt) { stmt.Bind(1, article_id); });
}

}  // namespace warta::storage::sqlite
