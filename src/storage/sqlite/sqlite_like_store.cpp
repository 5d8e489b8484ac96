// Likes and shares (SqliteLikeStore, SqliteShareStore).
#include <optional>
#include <string_view>

#include "core/ascii.h"
#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/day_totals.h"
#include "storage/sqlite/group_commit.h"
#include "storage/sqlite/sqlite_readers.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/trending_credit.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

constexpr std::size_t kMaxLikerBytes = 64;  // "u:" or "v:" and a 64-bit number
constexpr std::size_t kMaxNetworkBytes = 32;

constexpr std::string_view kCounterColumns = "views, likes, comments, shares";

// The key likes.liker holds.
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

// Runs `sql` (bound to the article id, returning the four counters) and reads its row.
Result<model::Counters> CountersRow(Connection& connection, std::string_view sql,
                                    std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(sql));
  stmt.Bind(1, article_id);
  return ReturnedCounters(stmt, article_id);
}

Result<model::Counters> ReadCounters(Connection& connection, std::int64_t article_id) {
  static const std::string sql =
      "SELECT " + std::string(kCounterColumns) + " FROM articles WHERE id = ?";
  return CountersRow(connection, sql, article_id);
}

// The counters of a public article: what a reader may like or share. NotFound for an
// unknown id and for one that is not public (a draft, a withdrawn article).
Result<model::Counters> ReadPublicCounters(Connection& connection, std::int64_t article_id) {
  static const std::string sql = "SELECT " + std::string(kCounterColumns) +
                                 " FROM articles WHERE id = ? AND status = 'published'";
  return CountersRow(connection, sql, article_id);
}

// A like row that was added or removed: when it was made, and the day it was counted on
// (none for likes older than the per-day totals).
struct LikeRow {
  std::int64_t created_at = 0;
  std::optional<std::int64_t> day;
};

// Adds the like row (nullopt when it was there already).
Result<std::optional<LikeRow>> AddLikeRow(Connection& connection, std::int64_t article_id,
                                          std::string_view liker, std::int64_t now,
                                          std::int64_t day) {
  WARTA_ASSIGN_OR_RETURN(
      auto stmt, connection.Prepare("INSERT INTO likes (article_id, liker, created_at, day) "
                                    "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING 1"));
  stmt.Bind(1, article_id).Bind(2, liker).Bind(3, now).Bind(4, day);
  WARTA_ASSIGN_OR_RETURN(auto added, RunReturning(stmt, RowFound));
  if (!added.has_value()) return std::optional<LikeRow>();
  return std::optional<LikeRow>(LikeRow{now, day});
}

// Removes the like row (nullopt when there was none).
Result<std::optional<LikeRow>> RemoveLikeRow(Connection& connection, std::int64_t article_id,
                                             std::string_view liker) {
  WARTA_ASSIGN_OR_RETURN(auto stmt,
                         connection.Prepare("DELETE FROM likes WHERE article_id = ? AND liker = ? "
                                            "RETURNING created_at, day"));
  stmt.Bind(1, article_id).Bind(2, liker);
  return RunReturning(stmt, [](const Statement& s) {
    return LikeRow{s.Int64(0), s.IsNull(1) ? std::nullopt : std::optional(s.Int64(1))};
  });
}

// One like or unlike: the row change and the counter change, synced with whatever other
// likes and shares wait at the same time (group_commit.h).
// The article is read first so an unknown id is NotFound and not a foreign-key error; a
// like needs a public article, an unlike only an existing one (a reader may take back a
// like on an article withdrawn since). The trending score and the per-day totals follow: a
// like adds its weight now and counts on `day`, an unlike takes back exactly what that like
// added when it was made, on the day it was counted, so liking and unliking cannot pump
// either. `now` of an unlike only dates the trending epoch (trending_store.h).
Result<model::LikeChange> ApplyLike(GroupCommit& group, const model::TrendingPolicy& policy,
                                    std::int64_t article_id, const model::Liker& who, bool like,
                                    std::int64_t now, std::int64_t day) {
  WARTA_ASSIGN_OR_RETURN(const std::string liker, LikerKey(who));
  if (like) WARTA_RETURN_IF_ERROR(CheckDay(day));
  return InGroupCommit<model::LikeChange>(
      group, [&](Connection& connection) -> Result<model::LikeChange> {
        WARTA_ASSIGN_OR_RETURN(model::Counters before,
                               like ? ReadPublicCounters(connection, article_id)
                                    : ReadCounters(connection, article_id));
        WARTA_ASSIGN_OR_RETURN(std::optional<LikeRow> changed,
                               like ? AddLikeRow(connection, article_id, liker, now, day)
                                    : RemoveLikeRow(connection, article_id, liker));
        model::LikeChange result{changed.has_value(), before};
        if (!changed.has_value()) return result;
        WARTA_RETURN_IF_ERROR(CreditTrending(connection, policy, article_id,
                                             model::EngagementKind::kLike, like ? 1 : -1,
                                             changed->created_at, now));
        if (changed->day) {
          WARTA_RETURN_IF_ERROR(
              AddToDay(connection, *changed->day, article_id, DayColumn::kLikes, like ? 1 : -1));
        }
        // max(): an imported total may be lower than the rows (it never is when rows are
        // added here, but a counter must never go negative whatever an import did).
        static const std::string add =
            "UPDATE articles SET likes = likes + 1 WHERE id = ? RETURNING " +
            std::string(kCounterColumns);
        static const std::string remove =
            "UPDATE articles SET likes = max(likes - 1, 0) WHERE id = ? RETURNING " +
            std::string(kCounterColumns);
        WARTA_ASSIGN_OR_RETURN(result.counters,
                               CountersRow(connection, like ? add : remove, article_id));
        return result;
      });
}

}  // namespace

Result<model::LikeChange> SqliteLikeStore::Like(std::int64_t article_id, const model::Liker& liker,
                                                std::int64_t now, std::int64_t day) {
  return ApplyLike(group_, trending_.Get(), article_id, liker, /*like=*/true, now, day);
}

Result<model::LikeChange> SqliteLikeStore::Unlike(std::int64_t article_id,
                                                  const model::Liker& liker, std::int64_t now) {
  return ApplyLike(group_, trending_.Get(), article_id, liker, /*like=*/false, now, 0);
}

Result<bool> SqliteLikeStore::IsLiked(std::int64_t article_id, const model::Liker& liker) {
  WARTA_ASSIGN_OR_RETURN(const std::string key, LikerKey(liker));
  return HasRow(pool_, "SELECT 1 FROM likes WHERE article_id = ? AND liker = ?",
                [&](Statement& stmt) { stmt.Bind(1, article_id).Bind(2, key); });
}

Result<model::Counters> SqliteShareStore::Add(std::int64_t article_id, const std::string& network,
                                              std::int64_t now, std::int64_t day) {
  WARTA_RETURN_IF_ERROR(CheckNetwork(network));
  WARTA_RETURN_IF_ERROR(CheckDay(day));
  return InGroupCommit<model::Counters>(
      group_, [&](Connection& connection) -> Result<model::Counters> {
        WARTA_RETURN_IF_ERROR(ReadPublicCounters(connection, article_id));
        WARTA_RETURN_IF_ERROR(AddToDay(connection, day, article_id, DayColumn::kShares, 1));
        static const std::string bump =
            "UPDATE articles SET shares = shares + 1 WHERE id = ? RETURNING " +
            std::string(kCounterColumns);
        WARTA_ASSIGN_OR_RETURN(model::Counters counters, CountersRow(connection, bump, article_id));
        WARTA_ASSIGN_OR_RETURN(
            auto stmt, connection.Prepare(
                           "INSERT INTO shares (article_id, network, count) VALUES (?, ?, 1) "
                           "ON CONFLICT (article_id, network) DO UPDATE SET count = count + 1"));
        stmt.Bind(1, article_id).Bind(2, network);
        WARTA_RETURN_IF_ERROR(stmt.Run());
        WARTA_RETURN_IF_ERROR(CreditTrending(connection, trending_.Get(), article_id,
                                             model::EngagementKind::kShare, 1, now, now));
        return counters;
      });
}

Result<std::vector<std::pair<std::string, std::int64_t>>> SqliteShareStore::ByNetwork(
    std::int64_t article_id) {
  return QueryAll(
      pool_, "SELECT network, count FROM shares WHERE article_id = ? ORDER BY network",
      [&](Statement& stmt) { stmt.Bind(1, article_id); },
      [](const Statement& stmt) { return std::make_pair(stmt.Text(0), stmt.Int64(1)); });
}

}  // namespace warta::storage::sqlite
