// What the PostgreSQL stores that change article counters share: the trending score that moves
// with them and the per-day totals, both written inside the caller's transaction (the SQLite
// twins are sqlite/trending_credit.h and sqlite/day_totals.h; the math is model/trending.h).
// Internal to src/storage/postgres/.
#pragma once

#include <cstdint>
#include <mutex>

#include "core/result.h"
#include "model/trending.h"
#include "storage/postgres/pg_connection.h"

namespace warta::storage::postgres {

// The process's trending policy, shared by the PostgreSQL stores. Thread-safe.
class TrendingPolicyHolder {
 public:
  model::TrendingPolicy Get() const {
    std::lock_guard lock(mutex_);
    return policy_;
  }
  void Set(const model::TrendingPolicy& policy) {
    std::lock_guard lock(mutex_);
    policy_ = policy;
  }

 private:
  mutable std::mutex mutex_;
  model::TrendingPolicy policy_;
};

struct TrendingScale {
  std::int64_t epoch = 0;
  std::int64_t half_life_seconds = 0;
};

// The stored epoch and half-life; `for_update` locks the row until the transaction ends.
Result<TrendingScale> ReadTrendingScale(Connection& connection, bool for_update = false);

// Moves the epoch to `now` and sets the half-life, rescaling every stored score so decayed
// scores at `now` are unchanged. Call inside a write transaction with the row locked.
Result<void> RebaseTrending(Connection& connection, const TrendingScale& scale, std::int64_t now,
                            std::int64_t new_half_life_seconds);

// Scale factor for an event at `at` (clamped to `now`), rebasing every stored score first when
// the factor would grow too large. The trending_state row is locked (FOR UPDATE) only for a
// rebase, so concurrent writers on several nodes do not queue on it otherwise.
Result<double> TrendingFactor(Connection& connection, std::int64_t at, std::int64_t now);

// Adds weight(kind) * count at time `at` to one article's score (never below 0).
Result<void> CreditTrending(Connection& connection, const model::TrendingPolicy& policy,
                            std::int64_t article_id, model::EngagementKind kind, std::int64_t count,
                            std::int64_t at, std::int64_t now);

enum class DayColumn { kViews, kLikes, kComments, kShares };

// InvalidArgument for a day before 1970.
Result<void> CheckDay(std::int64_t day);

// Adds `delta` to one total of (day, article), creating the row; never below 0.
Result<void> AddToDay(Connection& connection, std::int64_t day, std::int64_t article_id,
                      DayColumn column, std::int64_t delta);

}  // namespace warta::storage::postgres
