// Comments, reports, bans, closed threads and the moderation log on SQLite. Every write is
// one immediate, synced transaction that also keeps articles.comments equal to the number
// of published comments and bumps articles.version (the page shows the thread).
#include <string_view>

#include "core/clock.h"
#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/day_totals.h"
#include "storage/sqlite/sqlite_comments.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/trending_credit.h"
#include "storage/sqlite/write_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::sqlite {
namespace {

using model::Comment;
using model::CommentChange;
using model::CommentStatus;
using model::ModerationEntry;
using model::PendingReason;

constexpr std::size_t kMaxReporterBytes = 64;

constexpr std::string_view kSelectComment =
    "SELECT c.id, c.article_id, coalesce(c.parent_id, 0), coalesce(c.user_id, 0), "
    "coalesce(u.name, ''), c.depth, c.body_source, c.body_html, c.status, c.reason, "
    "c.created_at, c.edited_at, c.reports FROM comments c LEFT JOIN users u ON u.id = c.user_id ";

// The words a status change writes; InvalidArgument (nothing written) for values outside
// the enums.
struct StatusWords {
  std::string_view status;
  std::string_view reason;
};

Result<StatusWords> WordsToStore(CommentStatus status, PendingReason reason) {
  WARTA_ASSIGN_OR_RETURN(std::string_view status_word,
                         WordToStore(status, model::ParseCommentStatus, "comment status"));
  WARTA_ASSIGN_OR_RETURN(std::string_view reason_word,
                         WordToStore(reason, model::ParsePendingReason, "pending reason"));
  return StatusWords{status_word, reason_word};
}

Result<Comment> ReadComment(const Statement& stmt) {
  Comment c;
  c.id = stmt.Int64(0);
  c.article_id = stmt.Int64(1);
  c.parent_id = stmt.Int64(2);
  c.user_id = stmt.Int64(3);
  c.author = stmt.Text(4);
  c.depth = static_cast<int>(stmt.Int64(5));
  c.body_source = stmt.Text(6);
  c.body_html = stmt.Text(7);
  WARTA_ASSIGN_OR_RETURN(c.status,
                         StoredWord(stmt.Text(8), model::ParseCommentStatus, "comment status"));
  WARTA_ASSIGN_OR_RETURN(c.reason,
                         StoredWord(stmt.Text(9), model::ParsePendingReason, "pending reason"));
  c.created_at = stmt.Int64(10);
  c.edited_at = stmt.Int64(11);
  c.reports = stmt.Int64(12);
  return c;
}

Result<std::optional<Comment>> FindIn(Connection& connection, std::int64_t id) {
  static const std::string sql = std::string(kSelectComment) + "WHERE c.id = ?";
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(sql));
  stmt.Bind(1, id);
  return RunReturning(stmt, ReadComment);
}

// Columns as ListLog selects them.
Result<ModerationEntry> ReadLogEntry(const Statement& stmt) {
  ModerationEntry e;
  e.id = stmt.Int64(0);
  e.comment_id = stmt.Int64(1);
  e.article_id = stmt.Int64(2);
  e.target_user = stmt.Int64(3);
  e.target_name = stmt.Text(4);
  e.moderator_id = stmt.Int64(5);
  e.moderator_name = stmt.Text(6);
  WARTA_ASSIGN_OR_RETURN(
      e.action, StoredWord(stmt.Text(7), model::ParseModerationAction, "moderation action"));
  e.note = stmt.Text(8);
  e.created_at = stmt.Int64(9);
  return e;
}

Error NoSuchComment(std::int64_t id) { return NoSuchId("comment", id); }

// Adds `delta` published comments to the article (0: none), bumps its version (the page shows
// the thread), returns its counters.
Result<model::Counters> BumpArticle(Connection& connection, std::int64_t article_id,
                                    std::int64_t delta) {
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare(
          "UPDATE articles SET comments = max(comments + ?, 0), version = version + 1 WHERE id = ? "
          "RETURNING views, likes, comments, shares"));
  stmt.Bind(1, delta).Bind(2, article_id);
  return ReturnedCounters(stmt, article_id);
}

// BumpArticle, and the same change to trending: a published comment counts as an event at the
// time it was written, so taking it back (delete, reject, spam) removes exactly what it added,
// decayed alike.
Result<model::Counters> TouchArticle(Connection& connection, const model::TrendingPolicy& policy,
                                     std::int64_t article_id, std::int64_t delta,
                                     std::int64_t written_at) {
  WARTA_ASSIGN_OR_RETURN(model::Counters counters, BumpArticle(connection, article_id, delta));
  WARTA_RETURN_IF_ERROR(CreditTrending(connection, policy, article_id,
                                       model::EngagementKind::kComment, delta, written_at,
                                       UnixNow()));
  return counters;
}

// How a change from `before` to `after` moves the published count; a new comment has no
// `before`.
std::int64_t PublishedDelta(std::optional<CommentStatus> before, CommentStatus after) {
  return (after == CommentStatus::kPublished ? 1 : 0) -
         (before == CommentStatus::kPublished ? 1 : 0);
}

Result<void> AppendLog(Connection& connection, const ModerationEntry& log) {
  if (!log.action) return Ok();
  WARTA_ASSIGN_OR_RETURN(
      std::string_view action,
      WordToStore(*log.action, model::ParseModerationAction, "moderation action"));
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare(
          "INSERT INTO moderation_log (comment_id, article_id, target_user, moderator_id, action, "
          "note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  auto bind_id = [&stmt](int index, std::int64_t value) {
    if (value == 0) {
      stmt.BindNull(index);
    } else {
      stmt.Bind(index, value);
    }
  };
  bind_id(1, log.comment_id);
  bind_id(2, log.article_id);
  bind_id(3, log.target_user);
  bind_id(4, log.moderator_id);
  stmt.Bind(5, action).Bind(6, log.note).Bind(7, log.created_at);
  return stmt.Run();
}

// A new body for ChangeComment; none keeps the stored one.
struct NewBody {
  const std::string* source = nullptr;
  const std::string* html = nullptr;
  std::int64_t edited_at = 0;
};

// Moves the per-day totals with a comment's published delta: a comment that becomes
// published counts on `day` (remembered in comments.counted_day); one that stops being
// published is taken back from the day it was counted on (none for comments older than the
// per-day totals). `day` may be nullopt only for changes that never publish (reports).
Result<void> CountOnDay(Connection& connection, std::int64_t comment_id, std::int64_t article_id,
                        std::int64_t delta, std::optional<std::int64_t> day) {
  if (delta == 0) return Ok();
  if (delta > 0) {
    if (!day) return Error::Internal("storage: a comment published without a day");
    WARTA_ASSIGN_OR_RETURN(auto mark,
                           connection.Prepare("UPDATE comments SET counted_day = ? WHERE id = ?"));
    mark.Bind(1, *day).Bind(2, comment_id);
    WARTA_RETURN_IF_ERROR(mark.Run());
    return AddToDay(connection, *day, article_id, DayColumn::kComments, 1);
  }
  WARTA_ASSIGN_OR_RETURN(
      auto counted,
      QueryFirst(
          connection, "SELECT counted_day FROM comments WHERE id = ? AND counted_day IS NOT NULL",
          [&](Statement& stmt) { stmt.Bind(1, comment_id); },
          [](const Statement& stmt) { return stmt.Int64(0); }));
  if (!counted) return Ok();
  WARTA_ASSIGN_OR_RETURN(auto clear,
                         connection.Prepare("UPDATE comments SET counted_day = NULL WHERE id = ?"));
  clear.Bind(1, comment_id);
  WARTA_RETURN_IF_ERROR(clear.Run());
  return AddToDay(connection, *counted, article_id, DayColumn::kComments, -1);
}

// Changes one comment's status (and optionally body) inside a transaction.
Result<CommentChange> ChangeComment(Connection& connection, const model::TrendingPolicy& policy,
                                    std::int64_t id, CommentStatus status, PendingReason reason,
                                    const NewBody& body, std::optional<std::int64_t> day) {
  WARTA_ASSIGN_OR_RETURN(StatusWords words, WordsToStore(status, reason));
  WARTA_ASSIGN_OR_RETURN(std::optional<Comment> before, FindIn(connection, id));
  if (!before) return NoSuchComment(id);
  const std::int64_t delta = PublishedDelta(before->status, status);
  WARTA_RETURN_IF_ERROR(CountOnDay(connection, id, before->article_id, delta, day));
  WARTA_ASSIGN_OR_RETURN(
      auto stmt, connection.Prepare(
                     "UPDATE comments SET status = ?, reason = ?, "
                     "body_source = coalesce(?, body_source), body_html = coalesce(?, body_html), "
                     "edited_at = CASE WHEN ? = 0 THEN edited_at ELSE ? END WHERE id = ?"));
  stmt.Bind(1, words.status).Bind(2, words.reason);
  if (status == CommentStatus::kDeleted) {
    stmt.Bind(3, std::string_view()).Bind(4, std::string_view());
  } else if (body.source != nullptr) {
    stmt.Bind(3, *body.source).Bind(4, *body.html);
  } else {
    stmt.BindNull(3).BindNull(4);
  }
  stmt.Bind(5, body.edited_at).Bind(6, body.edited_at).Bind(7, id);
  WARTA_RETURN_IF_ERROR(stmt.Run());
  WARTA_ASSIGN_OR_RETURN(
      model::Counters counters,
      TouchArticle(connection, policy, before->article_id, delta, before->created_at));
  WARTA_ASSIGN_OR_RETURN(std::optional<Comment> after, FindIn(connection, id));
  return CommentChange{std::move(*after), counters};
}

}  // namespace

Result<CommentChange> SqliteCommentStore::Create(const model::NewComment& comment,
                                                 std::int64_t day) {
  WARTA_ASSIGN_OR_RETURN(StatusWords words, WordsToStore(comment.status, comment.reason));
  WARTA_RETURN_IF_ERROR(CheckDay(day));
  return InDurableWriteTransaction<CommentChange>(
      pool_, [&](Connection& connection) -> Result<CommentChange> {
        // Readers comment on public articles only (NotFound like an unknown id).
        WARTA_ASSIGN_OR_RETURN(auto public_article,
                               connection.Prepare("SELECT 1 FROM articles WHERE id = ? AND "
                                                  "status = 'published'"));
        public_article.Bind(1, comment.article_id);
        WARTA_RETURN_IF_ERROR(RunOrNotFound(public_article, "article", comment.article_id));
        WARTA_ASSIGN_OR_RETURN(
            model::Counters counters,
            TouchArticle(connection, trending_.Get(), comment.article_id,
                         PublishedDelta(std::nullopt, comment.status), comment.created_at));
        WARTA_ASSIGN_OR_RETURN(
            auto stmt,
            connection.Prepare(
                "INSERT INTO comments (article_id, parent_id, user_id, depth, body_source, "
                "body_html, status, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "RETURNING id"));
        stmt.Bind(1, comment.article_id);
        if (comment.parent_id == 0) {
          stmt.BindNull(2);
        } else {
          stmt.Bind(2, comment.parent_id);
        }
        if (comment.user_id == 0) {
          stmt.BindNull(3);
        } else {
          stmt.Bind(3, comment.user_id);
        }
        stmt.Bind(4, std::int64_t{comment.depth}).Bind(5, comment.body_source);
        stmt.Bind(6, comment.body_html).Bind(7, words.status).Bind(8, words.reason);
        stmt.Bind(9, comment.created_at);
        WARTA_ASSIGN_OR_RETURN(std::int64_t id, InsertReturningId(stmt, "comment"));
        WARTA_RETURN_IF_ERROR(CountOnDay(connection, id, comment.article_id,
                                         PublishedDelta(std::nullopt, comment.status), day));
        WARTA_ASSIGN_OR_RETURN(std::optional<Comment> stored, FindIn(connection, id));
        return CommentChange{std::move(*stored), counters};
      });
}

Result<std::optional<Comment>> SqliteCommentStore::FindById(std::int64_t id) {
  WARTA_ASSIGN_OR_RETURN(auto connection, pool_.Acquire());
  return FindIn(*connection, id);
}

Result<std::vector<Comment>> SqliteCommentStore::ListForArticle(std::int64_t article_id,
                                                                bool include_hidden, int limit) {
  if (limit < 1 || limit > 100'000) {
    return Error::InvalidArgument("storage: comment list limit out of range");
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
    if (c.status != CommentStatus::kPublished) {
      c.body_source.clear();
      c.body_html.clear();
    }
  }
  return comments;
}

Result<CommentChange> SqliteCommentStore::UpdateBody(std::int64_t id,
                                                     const std::string& body_source,
                                                     const std::string& body_html,
                                                     CommentStatus status, PendingReason reason,
                                                     std::int64_t now, std::int64_t day) {
  WARTA_RETURN_IF_ERROR(WordsToStore(status, reason));
  WARTA_RETURN_IF_ERROR(CheckDay(day));
  return InDurableWriteTransaction<CommentChange>(pool_, [&](Connection& connection) {
    return ChangeComment(connection, trending_.Get(), id, status, reason,
                         NewBody{&body_source, &body_html, now}, day);
  });
}

Result<CommentChange> SqliteCommentStore::SetStatus(std::int64_t id, CommentStatus status,
                                                    PendingReason reason,
                                                    const ModerationEntry& log, std::int64_t day) {
  WARTA_RETURN_IF_ERROR(WordsToStore(status, reason));
  WARTA_RETURN_IF_ERROR(CheckDay(day));
  return InDurableWriteTransaction<CommentChange>(
      pool_, [&](Connection& connection) -> Result<CommentChange> {
        WARTA_ASSIGN_OR_RETURN(CommentChange change, ChangeComment(connection, trending_.Get(), id,
                                                                   status, reason, {}, day));
        ModerationEntry entry = log;
        entry.comment_id = id;
        entry.article_id = change.comment.article_id;
        entry.target_user = change.comment.user_id;
        WARTA_RETURN_IF_ERROR(AppendLog(connection, entry));
        return change;
      });
}

Result<CommentStore::ReportResult> SqliteCommentStore::Report(std::int64_t id,
                                                              const model::Liker& reporter,
                                                              std::int64_t threshold,
                                                              std::int64_t now) {
  const std::string key = model::ToText(reporter);
  if (!reporter.valid() || key.size() > kMaxReporterBytes) {
    return Error::InvalidArgument("storage: bad reporter key");
  }
  return InDurableWriteTransaction<ReportResult>(
      pool_, [&](Connection& connection) -> Result<ReportResult> {
        WARTA_ASSIGN_OR_RETURN(std::optional<Comment> before, FindIn(connection, id));
        if (!before) return NoSuchComment(id);
        WARTA_ASSIGN_OR_RETURN(
            auto insert,
            connection.Prepare(
                "INSERT INTO comment_reports (comment_id, reporter, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING RETURNING 1"));
        insert.Bind(1, id).Bind(2, key).Bind(3, now);
        WARTA_ASSIGN_OR_RETURN(std::optional<bool> inserted, RunReturning(insert, RowFound));
        ReportResult result;
        result.first = inserted.has_value();
        if (!result.first) {
          WARTA_ASSIGN_OR_RETURN(model::Counters counters,
                                 BumpArticle(connection, before->article_id, 0));
          result.change = CommentChange{std::move(*before), counters};
          return result;
        }
        WARTA_ASSIGN_OR_RETURN(
            auto bump,
            connection.Prepare("UPDATE comments SET reports = reports + 1 WHERE id = ?"));
        bump.Bind(1, id);
        WARTA_RETURN_IF_ERROR(bump.Run());
        const bool queue =
            before->status == CommentStatus::kPublished && before->reports + 1 >= threshold;
        WARTA_ASSIGN_OR_RETURN(result.change,
                               ChangeComment(connection, trending_.Get(), id,
                                             queue ? CommentStatus::kPending : before->status,
                                             queue ? PendingReason::kReports : before->reason, {},
                                             /*day=*/std::nullopt));
        return result;
      });
}

Result<std::vector<Comment>> SqliteCommentStore::ListQueue(int limit) {
  if (limit < 1 || limit > 10'000) {
    return Error::InvalidArgument("storage: queue limit out of range");
  }
  static const std::string sql = std::string(kSelectComment) +
                                 "WHERE c.status = 'pending' OR (c.status = 'published' AND "
                                 "c.reports > 0) ORDER BY c.id LIMIT ?";
  return QueryAll(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, std::int64_t{limit}); }, ReadComment);
}

Result<std::vector<ModerationEntry>> SqliteCommentStore::ListLog(int limit) {
  if (limit < 1 || limit > 10'000) {
    return Error::InvalidArgument("storage: log limit out of range");
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

Result<std::int64_t> SqliteCommentStore::CountQueue() {
  return QueryOneInt64(pool_,
                       "SELECT count(*) FROM comments WHERE status = 'pending' OR "
                       "(status = 'published' AND reports > 0)",
                       [](Statement&) {});
}

Result<std::int64_t> SqliteCommentStore::CountPublishedBy(std::int64_t user_id) {
  return QueryOneInt64(pool_,
                       "SELECT count(*) FROM comments WHERE user_id = ? AND status = 'published'",
                       [&](Statement& stmt) { stmt.Bind(1, user_id); });
}

Result<void> SqliteCommentStore::SetBanned(std::int64_t user_id, bool banned,
                                           const ModerationEntry& log) {
  return InDurableWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(
        auto stmt,
        connection.Prepare(banned ? "INSERT INTO comment_bans (user_id, created_at) SELECT id, ? "
                                    "FROM users WHERE id = ? ON CONFLICT DO NOTHING"
                                  : "DELETE FROM comment_bans WHERE user_id = ? AND ? >= 0"));
    if (banned) {
      stmt.Bind(1, log.created_at).Bind(2, user_id);
    } else {
      stmt.Bind(1, user_id).Bind(2, log.created_at);
    }
    WARTA_RETURN_IF_ERROR(stmt.Run());
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
    WARTA_RETURN_IF_ERROR(BumpArticle(connection, article_id, 0));
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, connection.Prepare(closed ? "INSERT INTO comments_closed (article_id, "
                                               "created_at) VALUES (?, ?) ON CONFLICT DO NOTHING"
                                             : "DELETE FROM comments_closed WHERE article_id = ? "
                                               "AND ? >= 0"));
    stmt.Bind(1, article_id).Bind(2, log.created_at);
    WARTA_RETURN_IF_ERROR(stmt.Run());
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
