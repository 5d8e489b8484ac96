#include "model/trending.h"

#include <gtest/gtest.h>

#include <cmath>

namespace warta::model {
namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 24 * kHour;

TEST(TrendingMathTest, AnEventOneHalfLifeOlderCountsHalf) {
  const std::int64_t epoch = 1'700'000'000;
  const std::int64_t now = epoch + 3 * kDay;
  const double fresh = ScaleFactor(epoch, now, kDay);
  const double older = ScaleFactor(epoch, now - kDay, kDay);
  EXPECT_DOUBLE_EQ(older * 2, fresh);
  EXPECT_DOUBLE_EQ(DecayedScore(fresh, epoch, now, kDay), 1.0);
  EXPECT_DOUBLE_EQ(DecayedScore(older, epoch, now, kDay), 0.5);
  // Two half-lives: a quarter.
  EXPECT_DOUBLE_EQ(DecayedScore(ScaleFactor(epoch, now - 2 * kDay, kDay), epoch, now, kDay), 0.25);
}

TEST(TrendingMathTest, RankingByStoredScoreIsRankingByDecayedScore) {
  const std::int64_t epoch = 0;
  // A: 10 shares two days ago; B: 4 shares now. Decayed at now: A 2.5, B 4.
  const double a = 10 * ScaleFactor(epoch, 10 * kDay, kDay);
  const double b = 4 * ScaleFactor(epoch, 12 * kDay, kDay);
  EXPECT_GT(b, a);
  EXPECT_NEAR(DecayedScore(a, epoch, 12 * kDay, kDay), 2.5, 1e-9);
  EXPECT_NEAR(DecayedScore(b, epoch, 12 * kDay, kDay), 4.0, 1e-9);
}

TEST(TrendingMathTest, EventsBeforeTheEpochCountLessAndAncientOnesNothing) {
  EXPECT_DOUBLE_EQ(ScaleFactor(kDay, 0, kDay), 0.5);
  EXPECT_EQ(ScaleFactor(0, -100'000 * kDay, kDay), 0.0);
}

TEST(TrendingMathTest, RebaseKeepsDecayedScoresAndAvoidsOverflow) {
  const std::int64_t half_life = 60;
  std::int64_t epoch = 0;
  // Without a rebase the factor overflows after ~1024 half-lives.
  EXPECT_TRUE(std::isinf(ScaleFactor(epoch, 1100 * half_life, half_life)));

  const std::int64_t at = 64 * half_life;
  EXPECT_FALSE(NeedsRebase(epoch, at - 1, half_life));
  EXPECT_TRUE(NeedsRebase(epoch, at, half_life));
  double stored = 3 * ScaleFactor(epoch, at - half_life, half_life);  // 3, one half-life ago
  const double before = DecayedScore(stored, epoch, at, half_life);
  stored *= RebaseMultiplier(epoch, at, half_life);
  epoch = at;
  EXPECT_NEAR(DecayedScore(stored, epoch, at, half_life), before, 1e-12);
  EXPECT_NEAR(stored, 1.5, 1e-12);
  // Rebasing every 64 half-lives keeps every factor finite over a long life.
  for (int i = 0; i < 100; ++i) {
    const std::int64_t next = epoch + 64 * half_life;
    ASSERT_TRUE(NeedsRebase(epoch, next, half_life));
    stored *= RebaseMultiplier(epoch, next, half_life);
    epoch = next;
    stored += ScaleFactor(epoch, next, half_life);
    ASSERT_TRUE(std::isfinite(stored));
  }
  EXPECT_NEAR(DecayedScore(stored, epoch, epoch, half_life), 1.0, 1e-12);
}

TEST(TrendingMathTest, WeightsPerKind) {
  TrendingPolicy policy;
  EXPECT_EQ(policy.Weight(EngagementKind::kView), 1);
  EXPECT_EQ(policy.Weight(EngagementKind::kLike), 5);
  EXPECT_EQ(policy.Weight(EngagementKind::kComment), 8);
  EXPECT_EQ(policy.Weight(EngagementKind::kShare), 10);
}

}  // namespace
}  // namespace warta::model
