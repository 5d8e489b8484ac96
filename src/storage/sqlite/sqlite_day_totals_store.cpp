// The dashboard's reads of engagement_days (storage/day_totals_store.h).
#include <string>

#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/sqlite_newsroom.h"
#include "storage/sqlite/statement_helpers.h"

namespace warta::storage::sqlite {
namespace {

constexpr std::int64_t kMaxDays = 3660;  // ten years: a bound on the rows one call reads

constexpr std::string_view kSums = "sum(e.views), sum(e.likes), sum(e.comments), sum(e.shares)";

Result<void> CheckRange(std::int64_t from, std::int64_t to) {
  if (from > to || to - from >= kMaxDays) {
    return Error::InvalidArgument("storage: day range [" + std::to_string(from) + ", " +
                                  std::to_string(to) + "] is empty or longer than " +
                                  std::to_string(kMaxDays) + " days");
  }
  return Ok();
}

// Columns: id, name, slug, the four sums.
model::RankedTotals ReadRanked(const Statement& stmt) {
  return model::RankedTotals{stmt.Int64(0), stmt.Text(1), stmt.Text(2), CountersAt(stmt, 3)};
}

template <typename Bind>
Result<std::vector<model::RankedTotals>> Ranked(ConnectionPool& pool, const std::string& sql,
                                                Bind bind) {
  return QueryAll(pool, sql, bind, ReadRanked);
}

}  // namespace

Result<std::vector<model::DayTotals>> SqliteDayTotalsStore::PerDay(std::int64_t from_day,
                                                                   std::int64_t to_day) {
  WARTA_RETURN_IF_ERROR(CheckRange(from_day, to_day));
  static const std::string sql = "SELECT e.day, " + std::string(kSums) +
                                 " FROM engagement_days e WHERE e.day BETWEEN ? AND ? "
                                 "GROUP BY e.day ORDER BY e.day";
  return QueryAll(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, from_day).Bind(2, to_day); },
      [](const Statement& stmt) {
        return model::DayTotals{stmt.Int64(0), CountersAt(stmt, 1)};
      });
}

Result<std::vector<model::RankedTotals>> SqliteDayTotalsStore::TopArticles(std::int64_t from_day,
                                                                           std::int64_t to_day,
                                                                           int limit) {
  WARTA_RETURN_IF_ERROR(CheckRange(from_day, to_day));
  if (limit < 1 || limit > 100) return Error::InvalidArgument("storage: top limit out of range");
  static const std::string sql =
      "SELECT e.article_id, a.title, a.slug, " + std::string(kSums) +
      " FROM engagement_days e JOIN articles a ON a.id = e.article_id WHERE e.day BETWEEN ? AND ? "
      "GROUP BY e.article_id ORDER BY 4 DESC, 5 DESC, 6 DESC, 7 DESC, e.article_id LIMIT ?";
  return Ranked(pool_, sql, [&](Statement& stmt) {
    stmt.Bind(1, from_day).Bind(2, to_day).Bind(3, std::int64_t{limit});
  });
}

Result<std::vector<model::RankedTotals>> SqliteDayTotalsStore::BySection(std::int64_t from_day,
                                                                         std::int64_t to_day) {
  WARTA_RETURN_IF_ERROR(CheckRange(from_day, to_day));
  static const std::string sql =
      "SELECT coalesce(a.section_id, 0), coalesce(s.name, ''), coalesce(s.slug, ''), " +
      std::string(kSums) +
      " FROM engagement_days e JOIN articles a ON a.id = e.article_id LEFT JOIN sections s ON "
      "s.id = a.section_id WHERE e.day BETWEEN ? AND ? GROUP BY coalesce(a.section_id, 0) "
      "ORDER BY 4 DESC, 1";
  return Ranked(pool_, sql, [&](Statement& stmt) { stmt.Bind(1, from_day).Bind(2, to_day); });
}

Result<std::vector<model::RankedTotals>> SqliteDayTotalsStore::BySource(std::int64_t from_day,
                                                                        std::int64_t to_day) {
  WARTA_RETURN_IF_ERROR(CheckRange(from_day, to_day));
  static const std::string sql =
      "SELECT coalesce(max(a.source_id), 0), a.source, '', " + std::string(kSums) +
      " FROM engagement_days e JOIN articles a ON a.id = e.article_id WHERE e.day BETWEEN ? AND ? "
      "GROUP BY a.source ORDER BY 4 DESC, 2";
  return Ranked(pool_, sql, [&](Statement& stmt) { stmt.Bind(1, from_day).Bind(2, to_day); });
}

}  // namespace warta::storage::sqlite
