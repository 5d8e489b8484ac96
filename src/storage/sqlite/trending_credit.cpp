#include "storage/sqlite/trending_credit.h"

#include <algorithm>
#include <string>

namespace warta::storage::sqlite {

Result<TrendingScale> ReadTrendingScale(Connection& connection) {
  auto stmt =
      connection.Prepare("SELECT epoch_at, half_life_seconds FROM trending_state WHERE id = 1");
  if (!stmt.ok()) return stmt.error();
  WARTA_ASSIGN_OR_RETURN(auto row, stmt->Step());
  if (!row) return Error::Corrupt("sqlite: trending_state has no row");
  TrendingScale scale{stmt->Int64(0), stmt->Int64(1)};
  if (scale.half_life_seconds <= 0) {
    return Error::Corrupt("sqlite: trending_state has a bad half-life");
  }
  return scale;
}

Result<void> RebaseTrending(Connection& connection, std::int64_t now,
                            std::int64_t new_half_life_seconds) {
  WARTA_ASSIGN_OR_RETURN(auto scale, ReadTrendingScale(connection));
  const double multiplier = model::RebaseMultiplier(scale.epoch, now, scale.half_life_seconds);
  {
    // Writes only rows with a score: most articles have none left worth keeping.
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, connection.Prepare(
                       "UPDATE articles SET trend_score = trend_score * ? WHERE trend_score > 0"));
    stmt.BindDouble(1, multiplier);
    WARTA_RETURN_IF_ERROR(stmt.Run());
  }
  WARTA_ASSIGN_OR_RETURN(
      auto stmt, connection.Prepare(
                     "UPDATE trending_state SET epoch_at = ?, half_life_seconds = ? WHERE id = 1"));
  stmt.Bind(1, now).Bind(2, new_half_life_seconds);
  return stmt.Run();
}

Result<double> TrendingFactor(Connection& connection, std::int64_t at, std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(auto scale, ReadTrendingScale(connection));
  if (model::NeedsRebase(scale.epoch, now, scale.half_life_seconds)) {
    WARTA_RETURN_IF_ERROR(RebaseTrending(connection, now, scale.half_life_seconds));
    scale.epoch = now;
  }
  return model::ScaleFactor(scale.epoch, std::min(at, now), scale.half_life_seconds);
}

Result<void> CreditTrending(Connection& connection, const model::TrendingPolicy& policy,
                            std::int64_t article_id, model::EngagementKind kind, std::int64_t count,
                            std::int64_t at, std::int64_t now) {
  const double weight = policy.Weight(kind);
  if (count == 0 || weight == 0) return Ok();
  auto factor = TrendingFactor(connection, at, now);
  if (!factor.ok()) return factor.error();
  auto stmt =
      connection.Prepare("UPDATE articles SET trend_score = max(trend_score + ?, 0) WHERE id = ?");
  if (!stmt.ok()) return stmt.error();
  stmt->BindDouble(1, weight * static_cast<double>(count) * *factor).Bind(2, article_id);
  return stmt->Run();
}

}  // namespace warta::storage::sqlite
