// ViewCounter against a real SQLite store in a temporary directory.
#include "engagement/view_counter.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "engagement/testing/test_support.h"
#include "storage/article_store.h"
#include "storage/store.h"

namespace warta::engagement {
namespace {

class ViewCounterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = dir_.File("warta.db");
    store_ = OpenStore(file_);
  }

  TempDir dir_;
  std::string file_;
  std::unique_ptr<storage::Store> store_;
};

TEST_F(ViewCounterTest, SameVisitorCountsOncePerWindow) {
  const std::int64_t id = AddArticle(*store_, 27);
  ViewCounter views(store_->articles(), {kWindow, 1000});
  views.Prime(id, 27);
  EXPECT_TRUE(views.RecordView(id, 7, kNow));
  EXPECT_FALSE(views.RecordView(id, 7, kNow + 1));
  EXPECT_FALSE(views.RecordView(id, 7, kNow + kWindow - 1));
  EXPECT_EQ(views.Displayed(id), 28);
  EXPECT_TRUE(views.RecordView(id, 7, kNow + kWindow));
  EXPECT_EQ(views.Displayed(id), 29);
  EXPECT_EQ(views.counted_total(), 2u);
  EXPECT_EQ(views.pending(), 2);
}

TEST_F(ViewCounterTest, DistinctVisitorsAndArticlesEachCount) {
  const std::int64_t a = AddArticle(*store_, 0);
  const std::int64_t b = AddArticle(*store_, 5);
  ViewCounter views(store_->articles(), {kWindow, 1000});
  views.Prime(a, 0);
  views.Prime(b, 5);
  for (std::uint64_t v = 1; v <= 10; ++v) {
    EXPECT_TRUE(views.RecordView(a, v, kNow));
    EXPECT_TRUE(views.RecordView(b, v, kNow));
  }
  EXPECT_EQ(views.Displayed(a), 10);
  EXPECT_EQ(views.Displayed(b), 15);
  EXPECT_EQ(views.tracked(), 20u);
}

TEST_F(ViewCounterTest, FlushWritesExactlyThePendingViews) {
  const std::int64_t a = AddArticle(*store_, 27);
  const std::int64_t b = AddArticle(*store_, 0);
  ViewCounter views(store_->articles(), {kWindow, 1000});
  views.Prime(a, 27);
  for (std::uint64_t v = 0; v < 40; ++v) (void)views.RecordView(a, v % 30, kNow);  // 30 count
  (void)views.RecordView(b, 1, kNow);  // b never primed: counts, but nothing to show yet
  EXPECT_EQ(views.Displayed(b), std::nullopt);
  EXPECT_EQ(views.pending(), 31);

  auto written = views.Flush();
  ASSERT_TRUE(written.ok()) << written.error().ToString();
  EXPECT_EQ(*written, 31);
  EXPECT_EQ(StoredViews(*store_, a), 57);
  EXPECT_EQ(StoredViews(*store_, b), 1);
  EXPECT_EQ(views.Displayed(a), 57);
  EXPECT_EQ(views.Displayed(b), 1);  // the flush told us its stored total
  EXPECT_EQ(views.pending(), 0);
  EXPECT_EQ(views.flushed_total(), 31u);

  auto again = views.Flush();  // nothing pending: no write
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(StoredViews(*store_, a), 57);
}

TEST_F(ViewCounterTest, PrimeAfterViewsIncludesThem) {
  const std::int64_t id = AddArticle(*store_, 100);
  ViewCounter views(store_->articles(), {kWindow, 1000});
  (void)views.RecordView(id, 1, kNow);
  (void)views.RecordView(id, 2, kNow);
  EXPECT_EQ(views.Displayed(id), std::nullopt);
  views.Prime(id, 100);
  EXPECT_EQ(views.Displayed(id), 102);
  views.Prime(id, 90);  // stale read: ignored
  EXPECT_EQ(views.Displayed(id), 102);
  views.Prime(id, 110);  // 10 views written elsewhere
  EXPECT_EQ(views.Displayed(id), 112);
}

// Two nodes sharing one database: each shows its own pending views plus what the other has
// flushed by the time of its own flush.
TEST_F(ViewCounterTest, TakesInViewsFlushedByAnotherNode) {
  const std::int64_t id = AddArticle(*store_, 10);
  auto other_store = OpenStore(file_, false);
  ViewCounter node_a(store_->articles(), {kWindow, 1000});
  ViewCounter node_b(other_store->articles(), {kWindow, 1000});
  node_a.Prime(id, 10);
  node_b.Prime(id, 10);
  for (std::uint64_t v = 0; v < 5; ++v) (void)node_b.RecordView(id, v, kNow);
  for (std::uint64_t v = 100; v < 102; ++v) (void)node_a.RecordView(id, v, kNow);
  ASSERT_TRUE(node_b.Flush().ok());
  EXPECT_EQ(node_a.Displayed(id), 12);
  EXPECT_EQ(node_b.Displayed(id), 15);
  ASSERT_TRUE(node_a.Flush().ok());
  EXPECT_EQ(node_a.Displayed(id), 17);
  EXPECT_EQ(StoredViews(*store_, id), 17);
}

TEST_F(ViewCounterTest, FailedFlushKeepsEveryView) {
  // A database whose schema does not exist yet: AddViews fails for real ("no such table").
  const std::string file = dir_.File("empty.db");
  auto store = OpenStore(file, false);
  ViewCounter views(store->articles(), {kWindow, 1000});
  for (std::uint64_t v = 0; v < 3; ++v) (void)views.RecordView(1, v, kNow);
  auto failed = views.Flush();
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(views.pending(), 3);
  EXPECT_EQ(views.flushed_total(), 0u);
  (void)views.RecordView(1, 99, kNow);

  auto version = store->Migrate();
  ASSERT_TRUE(version.ok()) << version.error().ToString();
  const std::int64_t id = AddArticle(*store, 0);
  ASSERT_EQ(id, 1);
  auto written = views.Flush();
  ASSERT_TRUE(written.ok()) << written.error().ToString();
  EXPECT_EQ(*written, 4);
  EXPECT_EQ(StoredViews(*store, id), 4);
  EXPECT_EQ(views.Displayed(id), 4);
}

TEST_F(ViewCounterTest, ViewsOfMissingArticlesAreDropped) {
  const std::int64_t id = AddArticle(*store_, 0);
  ViewCounter views(store_->articles(), {kWindow, 1000});
  (void)views.RecordView(id, 1, kNow);
  (void)views.RecordView(id + 1000, 1, kNow);
  auto written = views.Flush();
  ASSERT_TRUE(written.ok());
  EXPECT_EQ(*written, 1);
  EXPECT_EQ(views.pending(), 0);
  EXPECT_EQ(views.Displayed(id + 1000), std::nullopt);
  EXPECT_EQ(StoredViews(*store_, id), 1);
}

TEST_F(ViewCounterTest, MemoryBoundIsRespected) {
  const std::int64_t id = AddArticle(*store_, 0);
  ViewCounter views(store_->articles(), {kWindow, 1000});
  views.Prime(id, 0);
  for (std::uint64_t v = 0; v < 100000; ++v) {
    ASSERT_TRUE(views.RecordView(id, v, kNow));
    ASSERT_LE(views.tracked(), 1000u);
  }
  EXPECT_GE(views.tracked(), 900u);  // bound per shard: most of the budget in use
  EXPECT_EQ(views.Displayed(id), 100000);
  // The oldest entries were dropped: the first visitor counts again (documented trade-off),
  // the latest does not.
  EXPECT_FALSE(views.RecordView(id, 99999, kNow));
  EXPECT_TRUE(views.RecordView(id, 0, kNow));
}

}  // namespace
}  // namespace warta::engagement
