#include "storage/sqlite/day_totals.h"

#include <string>

namespace warta::storage::sqlite {
namespace {

// One statement per column, so each is prepared once per connection.
constexpr const char* kUpsert[] = {
    "INSERT INTO engagement_days (day, article_id, views) VALUES (?1, ?2, max(?3, 0)) "
    "ON CONFLICT (day, article_id) DO UPDATE SET views = max(views + ?3, 0)",
    "INSERT INTO engagement_days (day, article_id, likes) VALUES (?1, ?2, max(?3, 0)) "
    "ON CONFLICT (day, article_id) DO UPDATE SET likes = max(likes + ?3, 0)",
    "INSERT INTO engagement_days (day, article_id, comments) VALUES (?1, ?2, max(?3, 0)) "
    "ON CONFLICT (day, article_id) DO UPDATE SET comments = max(comments + ?3, 0)",
    "INSERT INTO engagement_days (day, article_id, shares) VALUES (?1, ?2, max(?3, 0)) "
    "ON CONFLICT (day, article_id) DO UPDATE SET shares = max(shares + ?3, 0)",
};

}  // namespace

Result<void> CheckDay(std::int64_t day) {
  if (day >= 0) return Ok();
  return Error::InvalidArgument("storage: day " + std::to_string(day) +
                                " is before 1970 (days since 1970-01-01 expected)");
}

Result<void> AddToDay(Connection& connection, std::int64_t day, std::int64_t article_id,
                      DayColumn column, std::int64_t delta) {
  if (delta == 0) return Ok();
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(kUpsert[static_cast<int>(column)]));
  stmt.Bind(1, day).Bind(2, article_id).Bind(3, delta);
  return stmt.Run();
}

}  // namespace warta::storage::sqlite
