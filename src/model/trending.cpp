#include "model/trending.h"

#include <cmath>

namespace warta::model {

double TrendingPolicy::Weight(EngagementKind kind) const {
  switch (kind) {
    case EngagementKind::kView:
      return view_weight;
    case EngagementKind::kLike:
      return like_weight;
    case EngagementKind::kComment:
      return comment_weight;
    case EngagementKind::kShare:
      return share_weight;
  }
  return 0;
}

double ScaleFactor(std::int64_t epoch, std::int64_t at, std::int64_t half_life_seconds) {
  const double half_lives =
      static_cast<double>(at - epoch) / static_cast<double>(half_life_seconds);
  // exp2 underflows to 0 for very old events, which is what they are worth.
  return std::exp2(half_lives);
}

double DecayedScore(double stored, std::int64_t epoch, std::int64_t now,
                    std::int64_t half_life_seconds) {
  return stored / ScaleFactor(epoch, now, half_life_seconds);
}

bool NeedsRebase(std::int64_t epoch, std::int64_t at, std::int64_t half_life_seconds) {
  return static_cast<double>(at - epoch) / static_cast<double>(half_life_seconds) >=
         kRebaseHalfLives;
}

double RebaseMultiplier(std::int64_t epoch, std::int64_t new_epoch,
                        std::int64_t old_half_life_seconds) {
  return 1.0 / ScaleFactor(epoch, new_epoch, old_half_life_seconds);
}

}  // namespace warta::model
