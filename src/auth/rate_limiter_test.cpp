#include "auth/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"

namespace warta::auth {
namespace {

using std::chrono::seconds;

TEST(RateLimiter, BurstThenRefillAtTheRate) {
  FakeClock clock;
  RateLimiter limiter(clock, /*per_minute=*/6, /*burst=*/3);  // one token every 10 s
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Take("1.2.3.4", 1).allowed) << i;
  RateDecision refused = limiter.Take("1.2.3.4", 1);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 10);
  // Other keys have their own buckets.
  EXPECT_TRUE(limiter.Take("5.6.7.8", 1).allowed);
  clock.Advance(seconds(9));  // t0 + 9 s
  EXPECT_FALSE(limiter.Take("1.2.3.4", 1).allowed);
  clock.Advance(seconds(2));  // t0 + 11 s
  EXPECT_TRUE(limiter.Take("1.2.3.4", 1).allowed);
  clock.Advance(seconds(1));  // t0 + 12 s
  EXPECT_FALSE(limiter.Take("1.2.3.4", 1).allowed);
  // Never more than the burst saved up.
  clock.Advance(seconds(3600 - 12));  // t0 + 3600 s
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Take("1.2.3.4", 1).allowed);
  EXPECT_FALSE(limiter.Take("1.2.3.4", 1).allowed);
}

TEST(RateLimiter, CheckDoesNotTakeAndResetRefills) {
  FakeClock clock;
  RateLimiter limiter(clock, 1, 2);
  EXPECT_TRUE(limiter.Check("acct", 1).allowed);
  EXPECT_EQ(limiter.size(), 0U);
  EXPECT_TRUE(limiter.Take("acct", 1).allowed);
  EXPECT_TRUE(limiter.Take("acct", 1).allowed);
  EXPECT_FALSE(limiter.Check("acct", 1).allowed);
  limiter.Reset("acct");
  EXPECT_TRUE(limiter.Check("acct", 1).allowed);
}

TEST(RateLimiter, DisabledAllowsEverything) {
  FakeClock clock;
  RateLimiter off(clock, 1, 1, /*enabled=*/false);
  for (int i = 0; i < 100; ++i) EXPECT_TRUE(off.Take("k").allowed);
  RateLimiter zero(clock, 0, 1);
  EXPECT_FALSE(zero.enabled());
  EXPECT_TRUE(zero.Take("k").allowed);
}

TEST(RateLimiter, MemoryIsBoundedAndStaysLenient) {
  FakeClock clock;
  RateLimiter limiter(clock, 60, 1, true, /*max_keys=*/160);
  for (int i = 0; i < 10'000; ++i) {
    EXPECT_TRUE(limiter.Take("addr" + std::to_string(i), 1).allowed);
  }
  EXPECT_LE(limiter.size(), 160U);
}

TEST(RateLimiter, ExactUnderConcurrency) {
  FakeClock clock;  // does not move: no refill during the test
  RateLimiter limiter(clock, /*per_minute=*/0.001, /*burst=*/500);
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (limiter.Take("shared").allowed) allowed.fetch_add(1);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(allowed.load(), 500);
}

}  // namespace
}  // namespace warta::auth
