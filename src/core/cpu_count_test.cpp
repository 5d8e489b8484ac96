#include "core/cpu_count.h"

#include <gtest/gtest.h>
#include <sched.h>

#include <thread>

namespace warta {
namespace {

TEST(CpuCountTest, AThreadPinnedToOneCpuMayUseOne) {
  cpu_set_t all;
  CPU_ZERO(&all);
  ASSERT_EQ(sched_getaffinity(0, sizeof all, &all), 0);
  int first = 0;
  while (!CPU_ISSET(first, &all)) ++first;
  int pinned = 0;
  std::thread worker([&] {
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    if (sched_setaffinity(0, sizeof one, &one) == 0) pinned = UsableCpus();
  });
  worker.join();
  EXPECT_EQ(pinned, 1);
  // The test's own thread keeps its mask: the count is that mask's (or a quota's, lower).
  EXPECT_GE(UsableCpus(), 1);
  EXPECT_LE(UsableCpus(), CPU_COUNT(&all));
}

TEST(CpuCountTest, CgroupQuotaLinesAreRead) {
  EXPECT_EQ(ParseCpuMax("150000 100000\n"), 1.5);
  EXPECT_EQ(ParseCpuMax("100000 100000"), 1.0);
  EXPECT_EQ(ParseCpuMax("max 100000\n"), std::nullopt);  // no limit
  EXPECT_EQ(ParseCpuMax(""), std::nullopt);
  EXPECT_EQ(ParseCpuMax("100000"), std::nullopt);
  EXPECT_EQ(ParseCpuMax("-5 100000"), std::nullopt);
  EXPECT_EQ(ParseCpuMax("5 0"), std::nullopt);
  EXPECT_EQ(ParseCpuMax("12x 100000"), std::nullopt);
}

}  // namespace
}  // namespace warta
