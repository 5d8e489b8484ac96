// Comments, reports, bans, closed threads and the moderation log on PostgreSQL
// (storage/comment_store.h). Every write is one transaction that keeps articles.comments
// equal to the published comments and bumps articles.version. A change reads the comment
// FOR UPDATE first, so two nodes moderating the same comment at once apply one after the
// other and the published delta is counted once.
#include "core/clock.h"
#include "model/comment.h"
#include "model/liker.h"
#include "model/moderation.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_change_channel.h"
#include "storage/postgres/pg_comments.h"
#include "storage/postgres/pg_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::postgres {
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

Result<Comment> ReadComment(const Rows& rows, int i) {
  Comment c;
  c.id = rows.Int64(i, 0);
  c.article_id = rows.Int64(i, 1);
  c.parent_id = rows.Int64(i, 2);
  c.user_id = rows.Int64(i, 3);
  c.author = rows.Text(i, 4);
  c.depth = static_cast<int>(rows.Int64(i, 5));
  c.body_source = rows.Text(i, 6);
  c.body_html = rows.Text(i, 7);
  WARTA_ASSIGN_OR_RETURN(c.status,
                         StoredWord(rows.Text(i, 8), model::ParseCommentStatus, "comment status"));
  WARTA_ASSIGN_OR_RETURN(c.reason,
                         StoredWord(rows.Text(i, 9), model::ParsePendingReason, "pending reason"));
  c.created_at = rows.Int64(i, 10);
  c.edited_at = rows.Int64(i, 11);
  c.reports = rows.Int64(i, 12);
  return c;
}

Result<std::vector<Comment>> ReadComments(const Rows& rows) {
  std::vector<Comment> out;
  for (int i = 0; i < rows.size(); ++i) {
    WARTA_ASSIGN_OR_RETURN(auto c, ReadComment(rows, i));
    out.push_back(std::move(c));
  }
  return out;
}

// `lock`: the row is locked until the transaction ends (FOR UPDATE OF c).
Result<std::optional<Comment>> FindIn(Connection& connection, std::int64_t id, bool lock) {
  static const std::string plain = std::string(kSelectComment) + "WHERE c.id = $1";
  static const std::string locked = plain + " FOR UPDATE OF c";
  WARTA_ASSIGN_OR_RETURN(auto rows, connection.Query(lock ? locked : plain, Params().Add(id)));
  if (rows.empty()) return std::optional<Comment>();
  WARTA_ASSIGN_OR_RETURN(auto c, ReadComment(rows, 0));
  return std::optional<Comment>(std::move(c));
}

// Adds `delta` published comments to the article, bumps its version, returns its counters.
}  // namespace

Result<model::Counters> BumpArticle(Connection& connection, std::int64_t article_id,
                                    std::int64_t delta) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query("UPDATE articles SET comments = greatest(comments + $1, 0), "
                                  "version = version + 1 WHERE id = $2 "
                                  "RETURNING views, likes, comments, shares",
                                  Params().Add(delta).Add(article_id)));
  if (rows.empty()) return NoSuchId("article", article_id);
  // Every node drops this article's cached page when the change commits (delivered at
  // commit, not at all on rollback): pg_change_channel.h.
  WARTA_RETURN_IF_ERROR(
      connection.Run("SELECT pg_notify($1, $2)",
                     Params().Add(kChangeChannel).Add("page " + std::to_string(article_id))));
  return CountersAt(rows, 0, 0);
}

namespace {

// BumpArticle and the same change to trending, dated when the comment was written.
Result<model::Counters> TouchArticle(Connection& connection, const model::TrendingPolicy& policy,
                                     std::int64_t article_id, std::int64_t delta,
                                     std::int64_t written_at) {
  WARTA_ASSIGN_OR_RETURN(model::Counters counters, BumpArticle(connection, article_id, delta));
  WARTA_RETURN_IF_ERROR(CreditTrending(connection, policy, article_id,
                                       model::EngagementKind::kComment, delta, written_at,
                                       UnixNow()));
  return counters;
}

std::int64_t PublishedDelta(std::optional<CommentStatus> before, CommentStatus after) {
  return (after == CommentStatus::kPublished ? 1 : 0) -
         (before == CommentStatus::kPublished ? 1 : 0);
}

}  // namespace

Result<void> AppendLog(Connection& connection, const ModerationEntry& log) {
  if (!log.action) return Ok();
  WARTA_ASSIGN_OR_RETURN(
      std::string_view action,
      WordToStore(*log.action, model::ParseModerationAction, "moderation action"));
  return connection.Run(
      "INSERT INTO moderation_log (comment_id, article_id, target_user, moderator_id, action, "
      "note, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      Params()
          .AddIdOrNull(log.comment_id)
          .AddIdOrNull(log.article_id)
          .AddIdOrNull(log.target_user)
          .AddIdOrNull(log.moderator_id)
          .Add(action)
          .Add(log.note)
          .Add(log.created_at));
}

namespace {

struct NewBody {
  const std::string* source = nullptr;
  const std::string* html = nullptr;
  std::int64_t edited_at = 0;
};

// The per-day totals follow the published delta (see the SQLite store).
Result<void> CountOnDay(Connection& connection, std::int64_t comment_id, std::int64_t article_id,
                        std::int64_t delta, std::optional<std::int64_t> day) {
  if (delta == 0) return Ok();
  if (delta > 0) {
    if (!day) return Error::Internal("storage: a comment published without a day");
    WARTA_RETURN_IF_ERROR(connection.Run("UPDATE comments SET counted_day = $1 WHERE id = $2",
                                         Params().Add(*day).Add(comment_id)));
    return AddToDay(connection, *day, article_id, DayColumn::kComments, 1);
  }
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query("WITH old AS (SELECT counted_day FROM comments WHERE id = $1 "
                                  "AND counted_day IS NOT NULL) UPDATE comments SET "
                                  "counted_day = NULL FROM old WHERE comments.id = $1 "
                                  "RETURNING old.counted_day",
                                  Params().Add(comment_id)));
  if (rows.empty()) return Ok();
  return AddToDay(connection, rows.Int64(0, 0), article_id, DayColumn::kComments, -1);
}

Result<CommentChange> ChangeComment(Connection& connection, const model::TrendingPolicy& policy,
                                    std::int64_t id, CommentStatus status, PendingReason reason,
                                    const NewBody& body, std::optional<std::int64_t> day) {
  WARTA_ASSIGN_OR_RETURN(StatusWords words, WordsToStore(status, reason));
  WARTA_ASSIGN_OR_RETURN(std::optional<Comment> before, FindIn(connection, id, /*lock=*/true));
  if (!before) return NoSuchId("comment", id);
  const std::int64_t delta = PublishedDelta(before->status, status);
  WARTA_RETURN_IF_ERROR(CountOnDay(connection, id, before->article_id, delta, day));
  Params params;
  params.Add(words.status).Add(words.reason);
  if (status == CommentStatus::kDeleted) {
    params.Add("").Add("");
  } else if (body.source != nullptr) {
    params.Add(*body.source).Add(*body.html);
  } else {
    params.Null().Null();
  }
  params.Add(body.edited_at).Add(id);
  WARTA_RETURN_IF_ERROR(connection.Run(
      "UPDATE comments SET status = $1, reason = $2, body_source = coalesce($3, body_source), "
      "body_html = coalesce($4, body_html), "
      "edited_at = CASE WHEN $5::BIGINT = 0 THEN edited_at ELSE $5 END WHERE id = $6",
      params));
  WARTA_ASSIGN_OR_RETURN(
      model::Counters counters,
      TouchArticle(connection, policy, before->article_id, delta, before->created_at));
  WARTA_ASSIGN_OR_RETURN(std::optional<Comment> after, FindIn(connection, id, /*lock=*/false));
  return CommentChange{std::move(*after), counters};
}

}  // namespace

Result<CommentChange> PgCommentStore::Create(const model::NewComment& comment, std::int64_t day) {
  WARTA_ASSIGN_OR_RETURN(StatusWords words, WordsToStore(comment.status, comment.reason));
  WARTA_RETURN_IF_ERROR(CheckDay(day));
  return InWriteTransaction<CommentChange>(
      pool_, [&](Connection& connection) -> Result<CommentChange> {
        // Readers comment on public articles only (NotFound like an unknown id).
        WARTA_ASSIGN_OR_RETURN(auto exists, connection.Query("SELECT 1 FROM articles WHERE id = "
                                                             "$1 AND status = 'published'",
                                                             Params().Add(comment.article_id)));
        if (exists.empty()) return NoSuchId("article", comment.article_id);
        const std::int64_t delta = PublishedDelta(std::nullopt, comment.status);
        WARTA_ASSIGN_OR_RETURN(model::Counters counters,
                               TouchArticle(connection, trending_.Get(), comment.article_id, delta,
                                            comment.created_at));
        WARTA_ASSIGN_OR_RETURN(
            auto rows, connection.Query("INSERT INTO comments (article_id, parent_id, user_id, "
                                        "depth, body_source, body_html, status, reason, "
                                        "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
                                        "RETURNING id",
                                        Params()
                                            .Add(comment.article_id)
                                            .AddIdOrNull(comment.parent_id)
                                            .AddIdOrNull(comment.user_id)
                                            .Add(comment.depth)
                                            .Add(comment.body_source)
                                            .Add(comment.body_html)
                                            .Add(words.status)
                                            .Add(words.reason)
                                            .Add(comment.created_at)));
        const std::int64_t id = rows.Int64(0, 0);
        WARTA_RETURN_IF_ERROR(CountOnDay(connection, id, comment.article_id, delta, day));
        WARTA_ASSIGN_OR_RETURN(std::optional<Comment> stored, FindIn(connection, id, false));
        return CommentChange{std::move(*stored), counters};
      });
}

Result<std::optional<Comment>> PgCommentStore::FindById(std::int64_t id) {
  return InReadTransaction<std::optional<Comment>>(
      pool_, [&](Connection& c) { return FindIn(c, id, /*lock=*/false); });
}

Result<std::vector<Comment>> PgCommentStore::ListForArticle(std::int64_t article_id,
                                                            bool include_hidden, int limit) {
  if (limit < 1 || limit > 100'000) {
    return Error::InvalidArgument("storage: comment list limit out of range");
  }
  static const std::string sql = std::string(kSelectComment) +
                                 "WHERE c.article_id = $1 AND ($2::INT = 1 OR c.status IN "
                                 "('published', 'deleted', 'rejected', 'spam')) "
                                 "ORDER BY c.id LIMIT $3";
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_, sql, Params().Add(article_id).Add(include_hidden ? 1 : 0).Add(limit)));
  WARTA_ASSIGN_OR_RETURN(auto comments, ReadComments(rows));
  if (include_hidden) return comments;
  // Hidden comments stay in the list without their text, so replies keep their place.
  for (Comment& c : comments) {
    if (c.status != CommentStatus::kPublished) {
      c.body_source.clear();
      c.body_html.clear();
    }
  }
  return comments;
}

Result<CommentChange> PgCommentStore::UpdateBody(std::int64_t id, const std::string& body_source,
                                                 const std::string& body_html, CommentStatus status,
                                                 PendingReason reason, std::int64_t now,
                                                 std::int64_t day) {
  WARTA_RETURN_IF_ERROR(WordsToStore(status, reason));
  WARTA_RETURN_IF_ERROR(CheckDay(day));
  return InWriteTransaction<CommentChange>(pool_, [&](Connection& connection) {
    return ChangeComment(connection, trending_.Get(), id, status, reason,
                         NewBody{&body_source, &body_html, now}, day);
  });
}

Result<CommentChange> PgCommentStore::SetStatus(std::int64_t id, CommentStatus status,
                                                PendingReason reason, const ModerationEntry& log,
                                                std::int64_t day) {
  WARTA_RETURN_IF_ERROR(WordsToStore(status, reason));
  WARTA_RETURN_IF_ERROR(CheckDay(day));
  return InWriteTransaction<CommentChange>(
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

Result<CommentStore::ReportResult> PgCommentStore::Report(std::int64_t id,
                                                          const model::Liker& reporter,
                                                          std::int64_t threshold,
                                                          std::int64_t now) {
  const std::string key = model::ToText(reporter);
  if (!reporter.valid() || key.size() > kMaxReporterBytes) {
    return Error::InvalidArgument("storage: bad reporter key");
  }
  return InWriteTransaction<ReportResult>(
      pool_, [&](Connection& connection) -> Result<ReportResult> {
        WARTA_ASSIGN_OR_RETURN(std::optional<Comment> before, FindIn(connection, id, true));
        if (!before) return NoSuchId("comment", id);
        WARTA_ASSIGN_OR_RETURN(
            auto inserted, connection.Query("INSERT INTO comment_reports (comment_id, reporter, "
                                            "created_at) VALUES ($1, $2, $3) "
                                            "ON CONFLICT DO NOTHING RETURNING 1",
                                            Params().Add(id).Add(key).Add(now)));
        ReportResult result;
        result.first = !inserted.empty();
        if (!result.first) {
          WARTA_ASSIGN_OR_RETURN(model::Counters counters,
                                 BumpArticle(connection, before->article_id, 0));
          result.change = CommentChange{std::move(*before), counters};
          return result;
        }
        WARTA_RETURN_IF_ERROR(connection.Run(
            "UPDATE comments SET reports = reports + 1 WHERE id = $1", Params().Add(id)));
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

Result<std::vector<Comment>> PgCommentStore::ListQueue(int limit) {
  if (limit < 1 || limit > 10'000) {
    return Error::InvalidArgument("storage: queue limit out of range");
  }
  static const std::string sql = std::string(kSelectComment) +
                                 "WHERE c.status = 'pending' OR (c.status = 'published' AND "
                                 "c.reports > 0) ORDER BY c.id LIMIT $1";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(limit)));
  return ReadComments(rows);
}

}  // namespace warta::storage::postgres
