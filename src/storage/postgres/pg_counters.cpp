#include "storage/postgres/pg_counters.h"

#include <algorithm>
#include <string>

namespace warta::storage::postgres {

Result<TrendingScale> ReadTrendingScale(Connection& connection, bool for_update) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      connection.Query(for_update ? "SELECT epoch_at, half_life_seconds FROM trending_state "
                                    "WHERE id = 1 FOR UPDATE"
                                  : "SELECT epoch_at, half_life_seconds FROM trending_state "
                                    "WHERE id = 1"));
  if (rows.empty()) return Error::Corrupt("postgresql: trending_state has no row");
  TrendingScale scale{rows.Int64(0, 0), rows.Int64(0, 1)};
  if (scale.half_life_seconds <= 0) {
    return Error::Corrupt("postgresql: trending_state has a bad half-life");
  }
  return scale;
}

Result<void> RebaseTrending(Connection& connection, const TrendingScale& scale, std::int64_t now,
                            std::int64_t new_half_life_seconds) {
  const double multiplier = model::RebaseMultiplier(scale.epoch, now, scale.half_life_seconds);
  // Writes only rows with a score: most articles have none left worth keeping.
  WARTA_RETURN_IF_ERROR(
      connection.Run("UPDATE articles SET trend_score = trend_score * $1 WHERE trend_score > 0",
                     Params().AddDouble(multiplier)));
  return connection.Run(
      "UPDATE trending_state SET epoch_at = $1, half_life_seconds = $2 WHERE id = 1",
      Params().Add(now).Add(new_half_life_seconds));
}

namespace {

constexpr const char* kDayUpsert[] = {
    "INSERT INTO engagement_days (day, article_id, views) VALUES ($1, $2, greatest($3::BIGINT, 0)) "
    "ON CONFLICT (day, article_id) DO UPDATE SET views = greatest(engagement_days.views + $3, 0)",
    "INSERT INTO engagement_days (day, article_id, likes) VALUES ($1, $2, greatest($3::BIGINT, 0)) "
    "ON CONFLICT (day, article_id) DO UPDATE SET likes = greatest(engagement_days.likes + $3, 0)",
    "INSERT INTO engagement_days (day, article_id, comments) "
    "VALUES ($1, $2, greatest($3::BIGINT, 0)) ON CONFLICT (day, article_id) "
    "DO UPDATE SET comments = greatest(engagement_days.comments + $3, 0)",
    "INSERT INTO engagement_days (day, article_id, shares) "
    "VALUES ($1, $2, greatest($3::BIGINT, 0)) ON CONFLICT (day, article_id) "
    "DO UPDATE SET shares = greatest(engagement_days.shares + $3, 0)",
};

}  // namespace

Result<double> TrendingFactor(Connection& connection, std::int64_t at, std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(auto scale, ReadTrendingScale(connection));
  if (model::NeedsRebase(scale.epoch, now, scale.half_life_seconds)) {
    // Re-read under the row lock: another node may have rebased meanwhile.
    WARTA_ASSIGN_OR_RETURN(scale, ReadTrendingScale(connection, /*for_update=*/true));
    if (model::NeedsRebase(scale.epoch, now, scale.half_life_seconds)) {
      WARTA_RETURN_IF_ERROR(RebaseTrending(connection, scale, now, scale.half_life_seconds));
      scale.epoch = now;
    }
  }
  return model::ScaleFactor(scale.epoch, std::min(at, now), scale.half_life_seconds);
}

Result<void> CreditTrending(Connection& connection, const model::TrendingPolicy& policy,
                            std::int64_t article_id, model::EngagementKind kind, std::int64_t count,
                            std::int64_t at, std::int64_t now) {
  const double weight = policy.Weight(kind);
  if (count == 0 || weight == 0) return Ok();
  WARTA_ASSIGN_OR_RETURN(double factor, TrendingFactor(connection, at, now));
  return connection.Run(
      "UPDATE articles SET trend_score = greatest(trend_score + $1, 0) WHERE id = $2",
      Params().AddDouble(weight * static_cast<double>(count) * factor).Add(article_id));
}

Result<void> CheckDay(std::int64_t day) {
  if (day >= 0) return Ok();
  return Error::InvalidArgument("storage: day " + std::to_string(day) +
                                " is before 1970 (days since 1970-01-01 expected)");
}

Result<void> AddToDay(Connection& connection, std::int64_t day, std::int64_t article_id,
                      DayColumn column, std::int64_t delta) {
  if (delta == 0) return Ok();
  return connection.Run(kDayUpsert[static_cast<int>(column)],
                        Params().Add(day).Add(article_id).Add(delta));
}

}  // namespace warta::storage::postgres
