#include "core/clock.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

TEST(ClockTest, FakeClockMovesOnlyWhenTold) {
  FakeClock clock(1000);
  const auto start = clock.NowSteady();
  EXPECT_EQ(clock.NowUnix(), 1000);
  clock.Advance(std::chrono::milliseconds(1500));
  EXPECT_EQ(clock.NowUnix(), 1001);
  clock.Advance(std::chrono::milliseconds(500));
  EXPECT_EQ(clock.NowUnix(), 1002);
  EXPECT_EQ(clock.NowSteady() - start, std::chrono::milliseconds(2000));
  clock.SetUnix(50);  // a step back of the wall clock leaves the monotonic one alone
  EXPECT_EQ(clock.NowUnix(), 50);
  EXPECT_EQ(clock.NowSteady() - start, std::chrono::milliseconds(2000));
}

TEST(ClockTest, SystemClockIsNearTheRealTime) {
  const std::int64_t now = UnixNow();
  EXPECT_GT(now, 1'700'000'000);  // after 2023
  EXPECT_LE(std::abs(SystemClock::Get().NowUnix() - now), 1);
}

TEST(ClockTest, ThreadCpuSecondsGrowsWithWork) {
  const double start = ThreadCpuSeconds();
  volatile std::uint64_t sink = 0;
  while (ThreadCpuSeconds() - start < 0.01) sink = sink + 1;
  EXPECT_GE(ThreadCpuSeconds() - start, 0.01);
}

}  // namespace
}  // namespace warta
