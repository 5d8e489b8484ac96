#include "spam/naive_bayes.h"

#include <gtest/gtest.h>

#include <cmath>

namespace warta::spam {
namespace {

model::SpamSnapshot Snapshot(std::int64_t spam, std::int64_t ham,
                             std::vector<std::pair<std::string, model::SpamTokenCounts>> t) {
  return model::SpamSnapshot{{spam, ham}, std::move(t)};
}

TEST(NaiveBayesTest, UntrainedIsExactlyOneHalf) {
  ModelOptions options;
  EXPECT_EQ(SpamProbability(Snapshot(0, 0, {}), options), 0.5);
  // Plenty of spam but too little ham: still no opinion.
  EXPECT_EQ(SpamProbability(Snapshot(100, 4, {{"slot", {100, 0}}}), options), 0.5);
  EXPECT_FALSE(IsTrained({100, 4}, options));
  EXPECT_TRUE(IsTrained({5, 5}, options));
}

TEST(NaiveBayesTest, NoTaughtTokenIsOneHalf) {
  EXPECT_EQ(SpamProbability(Snapshot(10, 10, {}), ModelOptions{}), 0.5);
}

TEST(NaiveBayesTest, EvidenceMovesTheRightWay) {
  const ModelOptions options;
  const double spammy = SpamProbability(Snapshot(10, 10, {{"slot", {9, 0}}}), options);
  const double hammy = SpamProbability(Snapshot(10, 10, {{"gempa", {0, 9}}}), options);
  EXPECT_GT(spammy, 0.9);
  EXPECT_LT(hammy, 0.1);
  // Laplace smoothing: one sighting is weak evidence, and symmetric.
  const double weak = SpamProbability(Snapshot(10, 10, {{"x", {1, 0}}}), options);
  EXPECT_GT(weak, 0.5);
  EXPECT_LT(weak, 0.75);
  EXPECT_NEAR(weak + SpamProbability(Snapshot(10, 10, {{"x", {0, 1}}}), options), 1.0, 1e-12);
  // A token as common in both classes says nothing.
  EXPECT_NEAR(SpamProbability(Snapshot(10, 10, {{"yang", {6, 6}}}), options), 0.5, 1e-12);
}

TEST(NaiveBayesTest, ManyTokensStayFiniteInLogSpace) {
  std::vector<std::pair<std::string, model::SpamTokenCounts>> tokens;
  for (int i = 0; i < 300; ++i) tokens.push_back({"t" + std::to_string(i), {1'000'000, 0}});
  ModelOptions options;
  options.max_features = 300;
  const double p = SpamProbability(Snapshot(1'000'000, 1'000'000, tokens), options);
  EXPECT_TRUE(std::isfinite(p));
  EXPECT_EQ(p, 1.0);
}

TEST(NaiveBayesTest, OnlyTheMostTellingTokensCount) {
  ModelOptions options;
  options.max_features = 1;
  // The strong ham token wins over many weak spam tokens when only one feature counts.
  std::vector<std::pair<std::string, model::SpamTokenCounts>> tokens{{"gempa", {0, 50}}};
  for (int i = 0; i < 20; ++i) tokens.push_back({"w" + std::to_string(i), {2, 1}});
  EXPECT_LT(SpamProbability(Snapshot(50, 50, tokens), options), 0.05);
  options.max_features = 40;
  EXPECT_GT(SpamProbability(Snapshot(50, 50, tokens), options),
            SpamProbability(Snapshot(50, 50, {{"gempa", {0, 50}}}), options));
}

TEST(NaiveBayesTest, CountsAboveTotalsAreClamped) {
  const double p = SpamProbability(Snapshot(5, 5, {{"x", {1000, 0}}}), ModelOptions{});
  EXPECT_GT(p, 0.5);
  EXPECT_LE(p, 1.0);
}

}  // namespace
}  // namespace warta::spam
