#include "engagement/dedup_table.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <utility>

namespace warta::engagement {
namespace {

constexpr std::int64_t kWindow = 1800;

TEST(DedupTable, CountsOncePerWindow) {
  DedupTable table(100);
  EXPECT_TRUE(table.Touch(1, 7, 1000, kWindow));
  EXPECT_FALSE(table.Touch(1, 7, 1000, kWindow));
  EXPECT_FALSE(table.Touch(1, 7, 1000 + kWindow - 1, kWindow));
  EXPECT_TRUE(table.Touch(2, 7, 1000 + kWindow - 1, kWindow));   // another article
  EXPECT_TRUE(table.Touch(1, 8, 1000 + kWindow - 1, kWindow));   // another visitor
  EXPECT_TRUE(table.Touch(1, 7, 1000 + kWindow, kWindow));       // window passed
  EXPECT_FALSE(table.Touch(1, 7, 1000 + kWindow + 1, kWindow));  // restarted at the recount
  EXPECT_FALSE(table.Touch(1, 7, 999, kWindow));                 // clock went back
}

TEST(DedupTable, ExpiredEntriesAreDropped) {
  DedupTable table(100000);
  for (std::uint64_t v = 0; v < 5000; ++v) EXPECT_TRUE(table.Touch(1, v, 0, kWindow));
  EXPECT_EQ(table.size(), 5000u);
  EXPECT_TRUE(table.Touch(1, 99999, kWindow, kWindow));
  EXPECT_EQ(table.size(), 1u);
  EXPECT_EQ(table.records(), 1u);
}

TEST(DedupTable, RespectsTheBoundByDroppingTheOldest) {
  DedupTable table(100);
  for (std::uint64_t v = 0; v < 10000; ++v) {
    ASSERT_TRUE(table.Touch(3, v, 5, kWindow));
    ASSERT_LE(table.size(), 100u);
    ASSERT_LE(table.records(), 100u);
  }
  EXPECT_EQ(table.size(), 100u);
  EXPECT_FALSE(table.Touch(3, 9999, 5, kWindow));  // newest kept
  EXPECT_TRUE(table.Touch(3, 0, 5, kWindow));      // oldest forgotten: counted again early
  EXPECT_LE(table.memory_bytes(), 128u * 24 + 512u * 8);
}

// Differential test against a plain map, with keys colliding in few slots, recounts
// (stale ring records), expiry of every kind and table/ring growth.
TEST(DedupTable, MatchesAReferenceModel) {
  std::mt19937_64 rng(12345);
  DedupTable table(1 << 20);
  std::map<std::pair<std::int64_t, std::uint64_t>, std::int64_t> last;
  std::int64_t now = 0;
  for (int i = 0; i < 200000; ++i) {
    if (rng() % 8 == 0) now += static_cast<std::int64_t>(rng() % 30);
    const std::int64_t article = static_cast<std::int64_t>(rng() % 20);
    const std::uint64_t visitor = rng() % (i < 100000 ? 300 : 3000);
    const auto key = std::make_pair(article, visitor);
    auto it = last.find(key);
    const bool expected = it == last.end() || now - it->second >= kWindow;
    if (expected) last[key] = now;
    ASSERT_EQ(table.Touch(article, visitor, now, kWindow), expected) << "at op " << i;
    if (i % 10000 == 0) {
      std::size_t live = 0;
      for (const auto& [k, t] : last) live += now - t < kWindow ? 1 : 0;
      ASSERT_EQ(table.size(), live) << "at op " << i;
    }
  }
}

}  // namespace
}  // namespace warta::engagement
