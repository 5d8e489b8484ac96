// Trending credits inside an open SQLite write transaction, so a score changes together with
// the counter that caused it (model/trending.h has the math). Internal to
// src/storage/sqlite/: the like, share and view writers call it, and so can comments.
//
//   auto tx = Transaction::Begin(connection, Transaction::Mode::kImmediate);
//   ... insert the comment, bump articles.comments ...
//   WARTA_RETURN_IF_ERROR(CreditTrending(connection, policy.Get(), id,
//                                        model::EngagementKind::kComment, 1, now));
//   tx->Commit();
#pragma once

#include <cstdint>
#include <mutex>

#include "core/result.h"
#include "model/trending.h"
#include "storage/sqlite/database.h"

namespace warta::storage::sqlite {

// The process's trending policy, shared by the SQLite stores. Thread-safe.
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

// The stored epoch and half-life (trending_state).
struct TrendingScale {
  std::int64_t epoch = 0;
  std::int64_t half_life_seconds = 0;
};

Result<TrendingScale> ReadTrendingScale(Connection& connection);

// Scale factor for an event at `at` (clamped to `now`), rebasing every stored score first when
// the factor would grow too large. Call inside a write transaction.
Result<double> TrendingFactor(Connection& connection, std::int64_t at, std::int64_t now);

// Moves the epoch to `now` and sets the half-life, rescaling every stored score so decayed
// scores at `now` are unchanged. Call inside a write transaction.
Result<void> RebaseTrending(Connection& connection, std::int64_t now,
                            std::int64_t new_half_life_seconds);

// Adds weight(kind) * count at time `at` to one article's score (negative count: removes,
// never below 0). Call inside a write transaction. Unknown ids change nothing.
Result<void> CreditTrending(Connection& connection, const model::TrendingPolicy& policy,
                            std::int64_t article_id, model::EngagementKind kind, std::int64_t count,
                            std::int64_t at, std::int64_t now);

}  // namespace warta::storage::sqlite
