// Likes and shares on PostgreSQL (storage/like_store.h, storage/share_store.h). Exact across
// nodes: a like is a row under its primary key, added with ON CONFLICT DO NOTHING, so of two
// nodes adding the same like one adds the row and bumps the counter and the other waits for
// it and does neither; every counter moves as `x = x + 1` under the row lock. Commits are
// synced (synchronous_commit is on by default), so an acknowledged like survives a crash.
#include "core/ascii.h"
#include "model/liker.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

constexpr std::size_t kMaxLikerBytes = 64;  // "u:" or "v:" and a 64-bit number
constexpr std::size_t kMaxNetworkBytes = 32;

Result<std::string> LikerKey(const model::Liker& liker) {
  std::string key = model::ToText(liker);
  if (!liker.valid() || key.size() > kMaxLikerBytes) {
    return Error::InvalidArgument("storage: bad liker key '" + key + "'");
  }
  return key;
}

Result<void> CheckNetwork(const std::string& network) {
  bool ok = !network.empty() && network.size() <= kMaxNetworkBytes;
  for (char c : network) {
    ok = ok && ((c >= 'a' && c <= 'z') || ascii::IsDigit(c) || c == '_' || c == '-');
  }
  if (ok) return Ok();
  return Error::InvalidArgument("storage: bad share network name");
}

// The article's counters; NotFound for an unknown id, and when `public_only` for one that is
// not public (a reader may take back a like on a withdrawn article, not add one).
Result<model::Counters> ReadCounters(Connection& connection, std::int64_t article_id,
                                     bool public_only) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      connection.Query(public_only ? "SELECT views, likes, comments, shares FROM articles "
                                     "WHERE id = $1 AND status = 'published'"
                                   : "SELECT views, likes, comments, shares FROM articles "
                                     "WHERE id = $1",
                       Params().Add(article_id)));
  if (rows.empty()) return NoSuchId("article", article_id);
  return CountersAt(rows, 0, 0);
}

Result<model::Counters> UpdateCounters(Connection& connection, std::string_view sql,
                                       std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(auto rows, connection.Query(sql, Params().Add(article_id)));
  if (rows.empty()) return NoSuchId("article", article_id);
  return CountersAt(rows, 0, 0);
}

struct LikeRow {
  std::int64_t created_at = 0;
  std::optional<std::int64_t> day;
};

Result<model::LikeChange> ApplyLike(Pool& pool, const model::TrendingPolicy& policy,
                                    std::int64_t article_id, const model::Liker& who, bool like,
                                    std::int64_t now, std::int64_t day) {
  WARTA_ASSIGN_OR_RETURN(const std::string liker, LikerKey(who));
  if (like) WARTA_RETURN_IF_ERROR(CheckDay(day));
  return InWriteTransaction<model::LikeChange>(
      pool, [&](Connection& connection) -> Result<model::LikeChange> {
        WARTA_ASSIGN_OR_RETURN(model::Counters before,
                               ReadCounters(connection, article_id, /*public_only=*/like));
        std::optional<LikeRow> changed;
        if (like) {
          WARTA_ASSIGN_OR_RETURN(
              auto rows, connection.Query("INSERT INTO likes (article_id, liker, created_at, day) "
                                          "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING "
                                          "RETURNING 1",
                                          Params().Add(article_id).Add(liker).Add(now).Add(day)));
          if (!rows.empty()) changed = LikeRow{now, day};
        } else {
          WARTA_ASSIGN_OR_RETURN(
              auto rows, connection.Query("DELETE FROM likes WHERE article_id = $1 AND liker = $2 "
                                          "RETURNING created_at, day",
                                          Params().Add(article_id).Add(liker)));
          if (!rows.empty()) {
            changed = LikeRow{rows.Int64(0, 0),
                              rows.IsNull(0, 1) ? std::nullopt : std::optional(rows.Int64(0, 1))};
          }
        }
        model::LikeChange result{changed.has_value(), before};
        if (!changed.has_value()) return result;
        WARTA_RETURN_IF_ERROR(CreditTrending(connection, policy, article_id,
                                             model::EngagementKind::kLike, like ? 1 : -1,
                                             changed->created_at, now));
        if (changed->day) {
          WARTA_RETURN_IF_ERROR(
              AddToDay(connection, *changed->day, article_id, DayColumn::kLikes, like ? 1 : -1));
        }
        WARTA_ASSIGN_OR_RETURN(
            result.counters,
            UpdateCounters(connection,
                           like
                               ? "UPDATE articles SET likes = likes + 1 WHERE id = $1 "
                                 "RETURNING views, likes, comments, shares"
                               : "UPDATE articles SET likes = greatest(likes - 1, 0) WHERE id = $1 "
                                 "RETURNING views, likes, comments, shares",
                           article_id));
        return result;
      });
}

}  // namespace

Result<model::LikeChange> PgLikeStore::Like(std::int64_t article_id, const model::Liker& liker,
                                            std::int64_t now, std::int64_t day) {
  return ApplyLike(pool_, trending_.Get(), article_id, liker, /*like=*/true, now, day);
}

Result<model::LikeChange> PgLikeStore::Unlike(std::int64_t article_id, const model::Liker& liker,
                                              std::int64_t now) {
  return ApplyLike(pool_, trending_.Get(), article_id, liker, /*like=*/false, now, 0);
}

Result<bool> PgLikeStore::IsLiked(std::int64_t article_id, const model::Liker& liker) {
  WARTA_ASSIGN_OR_RETURN(const std::string key, LikerKey(liker));
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_, "SELECT 1 FROM likes WHERE article_id = $1 AND liker = $2",
                           Params().Add(article_id).Add(key)));
  return !rows.empty();
}

Result<model::Counters> PgShareStore::Add(std::int64_t article_id, const std::string& network,
                                          std::int64_t now, std::int64_t day) {
  WARTA_RETURN_IF_ERROR(CheckNetwork(network));
  WARTA_RETURN_IF_ERROR(CheckDay(day));
  return InWriteTransaction<model::Counters>(
      pool_, [&](Connection& connection) -> Result<model::Counters> {
        WARTA_RETURN_IF_ERROR(ReadCounters(connection, article_id, /*public_only=*/true));
        WARTA_RETURN_IF_ERROR(AddToDay(connection, day, article_id, DayColumn::kShares, 1));
        WARTA_ASSIGN_OR_RETURN(model::Counters counters,
                               UpdateCounters(connection,
                                              "UPDATE articles SET shares = shares + 1 WHERE id = "
                                              "$1 RETURNING views, likes, comments, shares",
                                              article_id));
        WARTA_RETURN_IF_ERROR(connection.Run(
            "INSERT INTO shares (article_id, network, count) VALUES ($1, $2, 1) "
            "ON CONFLICT (article_id, network) DO UPDATE SET count = shares.count + 1",
            Params().Add(article_id).Add(network)));
        WARTA_RETURN_IF_ERROR(CreditTrending(connection, trending_.Get(), article_id,
                                             model::EngagementKind::kShare, 1, now, now));
        return counters;
      });
}

Result<std::vector<std::pair<std::string, std::int64_t>>> PgShareStore::ByNetwork(
    std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_,
                                   "SELECT network, count FROM shares WHERE article_id = $1 "
                                   "ORDER BY network COLLATE \"C\"",
                                   Params().Add(article_id)));
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (int i = 0; i < rows.size(); ++i) out.emplace_back(rows.Text(i, 0), rows.Int64(i, 1));
  return out;
}

}  // namespace warta::storage::postgres
