// Trending: a time-decayed engagement score, kept incrementally.
//
// An event of weight w at time t is worth w * 2^-((now - t) / H) at `now` (H: the half-life).
// Summing that over every event directly would need rescoring every article as time passes.
// Instead each article stores S = sum of w * 2^((t - epoch) / H) for one site-wide epoch: the
// decayed score at `now` is S * 2^-((now - epoch) / H), the same factor for every article, so
// ordering by the stored S is ordering by the decayed score, and an event only adds to one row.
// S grows by 2x per half-life after the epoch; before 2^((t - epoch) / H) could overflow a
// double, every stored S is multiplied by 2^-((t - epoch) / H) and the epoch moves to t
// (a "rebase"), which changes no ordering.
//
// Pure functions: no I/O, no clock.
#pragma once

#include <cstdint>

namespace warta::model {

enum class EngagementKind { kView, kLike, kComment, kShare };

// Weights per event kind and the half-life (config trending.*, docs/configuration.md).
struct TrendingPolicy {
  std::int64_t half_life_seconds = std::int64_t{24} * 3600;
  double view_weight = 1;
  double like_weight = 5;
  double comment_weight = 8;
  double share_weight = 10;

  double Weight(EngagementKind kind) const;
};

// Rebase once the scale factor reaches 2^kRebaseHalfLives: far below a double's 2^1023, so an
// event up to (1023 - 64) half-lives ahead of the epoch still fits, and far above 1, so a
// rebase (a write to every scored article) happens once per 64 half-lives at most.
inline constexpr double kRebaseHalfLives = 64;

// 2^((at - epoch) / half_life): what one unit of weight at `at` adds to a stored score.
// Events long before the epoch give 0 (they no longer count); half_life must be > 0.
double ScaleFactor(std::int64_t epoch, std::int64_t at, std::int64_t half_life_seconds);

// The decayed score at `now` of a stored score S (see above): S * 2^-((now - epoch) / H).
double DecayedScore(double stored, std::int64_t epoch, std::int64_t now,
                    std::int64_t half_life_seconds);

// Whether crediting an event at `at` should first rebase the epoch to `at`.
bool NeedsRebase(std::int64_t epoch, std::int64_t at, std::int64_t half_life_seconds);

// The multiplier applied to every stored score when the epoch moves from `epoch` to
// `new_epoch` under `old_half_life`, and the half-life becomes new_half_life afterwards:
// stored scores keep meaning the same decayed values at new_epoch.
double RebaseMultiplier(std::int64_t epoch, std::int64_t new_epoch,
                        std::int64_t old_half_life_seconds);

}  // namespace warta::model
