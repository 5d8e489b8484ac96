#include "http/server/address_limits.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::http::server {
namespace {

using Clock = RateLimiter::Clock;

IpBytes Ip(const std::string& text) { return *ParseIp(text); }

int Allowed(RateLimiter& limiter, const IpBytes& ip, int tries, Clock::time_point now) {
  int allowed = 0;
  for (int i = 0; i < tries; ++i) allowed += limiter.Take(ip, now).allowed ? 1 : 0;
  return allowed;
}

TEST(RateLimiterTest, ABurstGetsOneMinutesBudgetThenTheSteadyRate) {
  RateLimiter limiter(600, 1000);
  const auto t0 = Clock::now();
  const IpBytes a = Ip("192.0.2.1");
  EXPECT_EQ(Allowed(limiter, a, 1500, t0), 600);
  auto refused = limiter.Take(a, t0);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.retry_after_seconds, 1);  // 10 tokens a second
  // Another address has its own budget.
  EXPECT_EQ(Allowed(limiter, Ip("192.0.2.2"), 10, t0), 10);
  // Two seconds later: 20 tokens came back, no more.
  EXPECT_EQ(Allowed(limiter, a, 100, t0 + std::chrono::seconds(2)), 20);
}

TEST(RateLimiterTest, RetryAfterSaysWhenATokenIsBack) {
  RateLimiter limiter(2, 1000);  // one token every 30 seconds
  const auto t0 = Clock::now();
  const IpBytes a = Ip("192.0.2.1");
  EXPECT_EQ(Allowed(limiter, a, 2, t0), 2);
  EXPECT_EQ(limiter.Take(a, t0).retry_after_seconds, 30);
  EXPECT_EQ(limiter.Take(a, t0 + std::chrono::seconds(20)).retry_after_seconds, 10);
  EXPECT_TRUE(limiter.Take(a, t0 + std::chrono::seconds(30)).allowed);
}

TEST(RateLimiterTest, AnIpv6SlashSixtyFourSharesOneBudget) {
  RateLimiter limiter(5, 1000);
  const auto t0 = Clock::now();
  EXPECT_EQ(Allowed(limiter, Ip("2001:db8:1:2::1"), 3, t0), 3);
  EXPECT_EQ(Allowed(limiter, Ip("2001:db8:1:2:ffff::9"), 5, t0), 2);
  EXPECT_EQ(Allowed(limiter, Ip("2001:db8:1:3::1"), 5, t0), 5);  // the next /64
}

TEST(RateLimiterTest, TheTableStaysBounded) {
  RateLimiter limiter(60, 64 * 4);  // four addresses a shard
  const auto t0 = Clock::now();
  const IpBytes busy = Ip("198.51.100.7");
  EXPECT_EQ(Allowed(limiter, busy, 60, t0), 60);
  for (int i = 0; i < 5000; ++i) {
    const std::string ip = "10." + std::to_string(i / 256) + "." + std::to_string(i % 256) + ".1";
    limiter.Take(Ip(ip), t0 + std::chrono::milliseconds(i));
  }
  EXPECT_LE(limiter.size(), std::size_t{64 * 4});
  // Forgetting an address can only give it a fresh budget, never less than it had.
  EXPECT_GE(Allowed(limiter, busy, 100, t0 + std::chrono::seconds(5)), 5);
}

TEST(RateLimiterTest, ZeroMeansNoLimit) {
  RateLimiter limiter(0, 10);
  EXPECT_EQ(Allowed(limiter, Ip("192.0.2.1"), 10000, Clock::now()), 10000);
  EXPECT_EQ(limiter.size(), 0u);
}

TEST(ConnectionCounterTest, CapsPerAddressAndForgetsAtZero) {
  ConnectionCounter counter;
  const IpBytes a = Ip("192.0.2.1");
  EXPECT_TRUE(counter.Acquire(a, 2));
  EXPECT_TRUE(counter.Acquire(a, 2));
  EXPECT_FALSE(counter.Acquire(a, 2));
  EXPECT_TRUE(counter.Acquire(Ip("192.0.2.2"), 2));
  counter.Release(a);
  EXPECT_EQ(counter.Count(a), 1);
  EXPECT_TRUE(counter.Acquire(a, 2));
  counter.Release(a);
  counter.Release(a);
  EXPECT_EQ(counter.Count(a), 0);
  counter.Release(a);  // one too many is harmless
  EXPECT_EQ(counter.Count(a), 0);
}

}  // namespace
}  // namespace warta::http::server
