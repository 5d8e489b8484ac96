// The comment store's moderation side on PostgreSQL: the log, bans and closed threads.
#include "storage/postgres/pg_comments.h"
#include "storage/postgres/pg_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::postgres {

Result<std::vector<model::ModerationEntry>> PgCommentStore::ListLog(int limit) {
  if (limit < 1 || limit > 10'000) {
    return Error::InvalidArgument("storage: log limit out of range");
  }
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_,
                "SELECT l.id, coalesce(l.comment_id, 0), coalesce(l.article_id, 0), "
                "coalesce(l.target_user, 0), coalesce(t.name, ''), coalesce(l.moderator_id, 0), "
                "coalesce(m.name, ''), l.action, l.note, l.created_at FROM moderation_log l "
                "LEFT JOIN users t ON t.id = l.target_user "
                "LEFT JOIN users m ON m.id = l.moderator_id "
                "ORDER BY l.created_at DESC, l.id DESC LIMIT $1",
                Params().Add(limit)));
  std::vector<model::ModerationEntry> out;
  for (int i = 0; i < rows.size(); ++i) {
    model::ModerationEntry& e = out.emplace_back();
    e.id = rows.Int64(i, 0);
    e.comment_id = rows.Int64(i, 1);
    e.article_id = rows.Int64(i, 2);
    e.target_user = rows.Int64(i, 3);
    e.target_name = rows.Text(i, 4);
    e.moderator_id = rows.Int64(i, 5);
    e.moderator_name = rows.Text(i, 6);
    WARTA_ASSIGN_OR_RETURN(
        e.action, StoredWord(rows.Text(i, 7), model::ParseModerationAction, "moderation action"));
    e.note = rows.Text(i, 8);
    e.created_at = rows.Int64(i, 9);
  }
  return out;
}

Result<std::int64_t> PgCommentStore::CountQueue() {
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_,
                                              "SELECT count(*) FROM comments WHERE status = "
                                              "'pending' OR (status = 'published' AND reports > 0)",
                                              Params()));
  return rows.Int64(0, 0);
}

Result<std::int64_t> PgCommentStore::CountPublishedBy(std::int64_t user_id) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_, "SELECT count(*) FROM comments WHERE user_id = $1 AND status = 'published'",
                Params().Add(user_id)));
  return rows.Int64(0, 0);
}

Result<void> PgCommentStore::SetBanned(std::int64_t user_id, bool banned,
                                       const model::ModerationEntry& log) {
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    if (banned) {
      WARTA_RETURN_IF_ERROR(
          connection.Run("INSERT INTO comment_bans (user_id, created_at) SELECT id, $1 FROM users "
                         "WHERE id = $2 ON CONFLICT DO NOTHING",
                         Params().Add(log.created_at).Add(user_id)));
    } else {
      WARTA_RETURN_IF_ERROR(
          connection.Run("DELETE FROM comment_bans WHERE user_id = $1", Params().Add(user_id)));
    }
    model::ModerationEntry entry = log;
    entry.target_user = user_id;
    return AppendLog(connection, entry);
  });
}

Result<bool> PgCommentStore::IsBanned(std::int64_t user_id) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_, "SELECT 1 FROM comment_bans WHERE user_id = $1", Params().Add(user_id)));
  return !rows.empty();
}

Result<void> PgCommentStore::SetClosed(std::int64_t article_id, bool closed,
                                       const model::ModerationEntry& log) {
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_RETURN_IF_ERROR(BumpArticle(connection, article_id, 0));
    if (closed) {
      WARTA_RETURN_IF_ERROR(
          connection.Run("INSERT INTO comments_closed (article_id, created_at) VALUES ($1, $2) "
                         "ON CONFLICT DO NOTHING",
                         Params().Add(article_id).Add(log.created_at)));
    } else {
      WARTA_RETURN_IF_ERROR(connection.Run("DELETE FROM comments_closed WHERE article_id = $1",
                                           Params().Add(article_id)));
    }
    model::ModerationEntry entry = log;
    entry.article_id = article_id;
    return AppendLog(connection, entry);
  });
}

Result<bool> PgCommentStore::IsClosed(std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_, "SELECT 1 FROM comments_closed WHERE article_id = $1",
                                   Params().Add(article_id)));
  return !rows.empty();
}

}  // namespace warta::storage::postgres
