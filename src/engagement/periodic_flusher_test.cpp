// The counter under concurrent load with a background flusher, against a real SQLite store.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "engagement/testing/test_support.h"
#include "engagement/view_counter.h"
#include "storage/article_store.h"

namespace warta::engagement {
namespace {

using std::chrono::milliseconds;
using Steady = std::chrono::steady_clock;

constexpr int kThreads = 8;
constexpr int kViewsPerThread = 10000;
constexpr std::int64_t kInitialViews = 27;

// Thread t's i-th view: a quarter by visitors only that thread has, the rest by 1500 visitors
// every thread shares (so threads race to count the same pair), over three articles.
std::pair<int, std::uint64_t> ViewOf(int t, int i) {
  const int article = (i * 7 + t) % 3;
  const std::uint64_t visitor = i % 4 == 0
                                    ? (std::uint64_t{1} << 40) + std::uint64_t{100000} * t + i
                                    : static_cast<std::uint64_t>(i % 1500);
  return {article, visitor};
}

TEST(ViewCounterConcurrency, EightThreadsCountExactlyWhileFlushing) {
  TempDir dir;
  auto store = OpenStore(dir.File("warta.db"));
  std::vector<std::int64_t> ids;
  ids.reserve(3);
  for (int a = 0; a < 3; ++a) ids.push_back(AddArticle(*store, kInitialViews));

  std::map<std::int64_t, std::int64_t> expected;  // article id -> distinct visitors
  std::set<std::pair<int, std::uint64_t>> distinct;
  for (int t = 0; t < kThreads; ++t) {
    for (int i = 0; i < kViewsPerThread; ++i) {
      if (distinct.insert(ViewOf(t, i)).second) ++expected[ids[ViewOf(t, i).first]];
    }
  }

  ViewCounter views(store->articles(), {kWindow, 1'000'000});
  for (std::int64_t id : ids) views.Prime(id, kInitialViews);
  std::atomic<int> flush_errors{0};
  PeriodicFlusher flusher(
      views, milliseconds(2), [&](const Error&) { ++flush_errors; }, SystemClock::Get());

  std::atomic<std::int64_t> counted{0};
  std::atomic<bool> done{false};
  std::atomic<int> went_down{0};
  std::thread reader([&] {  // with one node, what is shown never goes down
    std::vector<std::int64_t> last(ids.size(), kInitialViews);
    while (!done.load()) {
      for (std::size_t a = 0; a < ids.size(); ++a) {
        const std::int64_t now = views.Displayed(ids[a]).value_or(-1);
        if (now < last[a]) ++went_down;
        last[a] = now;
      }
    }
  });
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      std::int64_t mine = 0;
      for (int i = 0; i < kViewsPerThread; ++i) {
        const auto [article, visitor] = ViewOf(t, i);
        mine += views.RecordView(ids[article], visitor, kNow + i / 5000) ? 1 : 0;
      }
      counted += mine;
    });
  }
  for (auto& th : threads) th.join();
  flusher.Stop();
  done = true;
  reader.join();

  EXPECT_EQ(flush_errors.load(), 0);
  EXPECT_EQ(went_down.load(), 0);
  EXPECT_EQ(counted.load(), static_cast<std::int64_t>(distinct.size()));
  EXPECT_EQ(views.counted_total(), distinct.size());
  EXPECT_EQ(views.flushed_total(), distinct.size());
  EXPECT_EQ(views.pending(), 0);
  for (std::int64_t id : ids) {
    EXPECT_EQ(StoredViews(*store, id), kInitialViews + expected[id]) << "article " << id;
    EXPECT_EQ(views.Displayed(id), kInitialViews + expected[id]) << "article " << id;
  }
}

// One article with no views in a fresh store, a counter, and a clock that moves when told.
struct OneArticle {
  TempDir dir;
  std::unique_ptr<storage::Store> store = OpenStore(dir.File("warta.db"));
  std::int64_t id = AddArticle(*store, 0);
  ViewCounter views{store->articles(), {kWindow, 1000}};
  FakeClock clock;
};

TEST(PeriodicFlusher, FlushesEveryIntervalAndStopsAtOnce) {
  OneArticle a;
  auto& [dir, store, id, views, clock] = a;
  // An hour of real time between the thread's looks: only FlushIfDue flushes here.
  PeriodicFlusher flusher(views, std::chrono::hours(1), nullptr, clock);
  (void)views.RecordView(id, 1, kNow);
  EXPECT_FALSE(flusher.FlushIfDue());  // the clock has not moved
  clock.Advance(std::chrono::minutes(59));
  EXPECT_FALSE(flusher.FlushIfDue());
  clock.Advance(std::chrono::minutes(1));
  EXPECT_TRUE(flusher.FlushIfDue());
  EXPECT_EQ(views.pending(), 0);
  EXPECT_EQ(StoredViews(*store, id), 1);
  EXPECT_FALSE(flusher.FlushIfDue());  // the next one is an interval away

  PeriodicFlusher slow(views, std::chrono::hours(1), nullptr, clock);
  (void)views.RecordView(id, 2, kNow);
  flusher.Stop();  // its final flush may take this view...
  (void)views.RecordView(id, 3, kNow);
  const auto start = Steady::now();
  slow.Stop();  // ...this one's must take the rest, without waiting for the hour
  EXPECT_LT(Steady::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(views.pending(), 0);
  EXPECT_EQ(StoredViews(*store, id), 3);
  slow.Stop();  // idempotent
}

TEST(PeriodicFlusher, TheThreadFlushesOnceTheClockSaysItIsDue) {
  OneArticle a;
  auto& [dir, store, id, views, clock] = a;
  PeriodicFlusher flusher(views, milliseconds(10), nullptr, clock);
  (void)views.RecordView(id, 1, kNow);
  clock.Advance(milliseconds(10));
  // Waits for the flusher thread's work (it looks every 10 ms of real time), not for time:
  // pending() drops to 0 when a flush takes the deltas, before its transaction commits, so
  // wait for the stored count itself.
  const auto deadline = Steady::now() + std::chrono::seconds(5);
  while (StoredViews(*store, id) != 1 && Steady::now() < deadline)
    std::this_thread::sleep_for(milliseconds(5));
  EXPECT_EQ(views.pending(), 0);
  EXPECT_EQ(StoredViews(*store, id), 1);
}

TEST(PeriodicFlusher, ReportsFailuresAndKeepsTheViews) {
  TempDir dir;
  auto store = OpenStore(dir.File("warta.db"), false);  // no schema: every flush fails
  ViewCounter views(store->articles(), {kWindow, 1000});
  (void)views.RecordView(1, 1, kNow);
  std::atomic<int> errors{0};
  std::string message;
  FakeClock clock;
  {
    PeriodicFlusher flusher(
        views, std::chrono::hours(1),
        [&](const Error& e) {
          if (errors++ == 0) message = e.ToString();
        },
        clock);
    for (int i = 0; i < 3; ++i) {
      clock.Advance(std::chrono::hours(1));
      EXPECT_TRUE(flusher.FlushIfDue());
    }
    EXPECT_GE(flusher.failures(), 3u);
  }  // the destructor stops, with one more (failing) flush
  EXPECT_GE(errors.load(), 4);
  EXPECT_NE(message.find("articles"), std::string::npos) << message;
  EXPECT_EQ(views.pending(), 1);
}

}  // namespace
}  // namespace warta::engagement
