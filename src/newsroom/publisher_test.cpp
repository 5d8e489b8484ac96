// Scheduled publishing with a FakeClock (no sleeping for time): every article goes live at
// its second, a restart catches up and logs the late ones, and of two nodes exactly one
// publishes each article.
#include "newsroom/publisher.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/spdlog.h>

#include <map>
#include <random>
#include <thread>
#include <vector>

#include "storage/article_store.h"
#include "storage/editorial_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/temp_dir.h"

namespace warta::newsroom {
namespace {

using model::ArticleStatus;

constexpr std::int64_t kStart = 1'735'689'600;  // 2025-01-01

std::unique_ptr<storage::sqlite::SqliteStore> OpenMigrated(const std::string& path) {
  auto store = storage::sqlite::SqliteStore::Open(path);
  EXPECT_TRUE(store.ok());
  EXPECT_TRUE((*store)->Migrate().ok());
  return std::move(*store);
}

std::int64_t Schedule(storage::Store& store, std::int64_t publish_at,
                      std::int64_t unpublish_at = 0) {
  storage::NewEditorialArticle a;
  a.content.title = "Terjadwal " + std::to_string(publish_at);
  a.content.body_markdown = "Isi";
  a.content.body_html = "<p>Isi</p>";
  a.status = ArticleStatus::kScheduled;
  a.publish_at = publish_at;
  a.unpublish_at = unpublish_at;
  a.created_at = kStart;
  a.first.number = 1;
  a.first.kind = model::RevisionKind::kCreate;
  a.first.body = model::RevisionBody{"K", 3, true};
  auto id = store.editorial().Create(a);
  EXPECT_TRUE(id.ok()) << id.error().message;
  return id.ok() ? *id : 0;
}

class PublisherTest : public ::testing::Test {
 protected:
  storage::test_util::TempDir dir_;
  FakeClock clock_{kStart};
};

// "Scheduling never misses": 200 articles at random seconds of the next ten minutes; a pass
// every second publishes each in the pass of its second, with its time as the public date.
TEST_F(PublisherTest, TwoHundredArticlesGoLiveAtTheirSecond) {
  auto store = OpenMigrated(dir_.File("w.db"));
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::int64_t> second(1, 600);
  std::map<std::int64_t, std::int64_t> due;  // id -> publish_at
  for (int i = 0; i < 200; ++i) {
    const std::int64_t at = kStart + second(rng);
    due[Schedule(*store, at)] = at;
  }
  std::map<std::int64_t, std::int64_t> live_at;
  Publisher publisher(store->editorial(), clock_, {},
                      [&](std::int64_t id) { live_at[id] = clock_.NowUnix(); });
  for (int s = 0; s <= 600; ++s) {
    auto pass = publisher.RunOnce();
    ASSERT_TRUE(pass.ok()) << pass.error().message;
    EXPECT_EQ(pass->late, 0);
    clock_.Advance(std::chrono::seconds(1));
  }
  ASSERT_EQ(live_at.size(), 200u);
  for (const auto& [id, at] : due) {
    EXPECT_EQ(live_at[id], at) << "article " << id;
    auto article = store->articles().FindById(id);
    EXPECT_EQ(article->status, ArticleStatus::kPublished);
    EXPECT_EQ(article->published_at, at);
  }
  EXPECT_EQ(publisher.published_total(), 200u);
  EXPECT_FALSE(store->editorial().NextDue()->has_value());
}

// A restart: the first publisher goes away with articles still scheduled; two minutes later
// a new one on the same file catches up at once and logs each late one at warn.
TEST_F(PublisherTest, ARestartCatchesUpAndLogsTheLateOnes) {
  const std::string path = dir_.File("w.db");
  std::vector<std::int64_t> ids;
  {
    auto store = OpenMigrated(path);
    for (int i = 1; i <= 20; ++i) ids.push_back(Schedule(*store, kStart + i * 5));
    Publisher first(store->editorial(), clock_, {}, {});
    clock_.Advance(std::chrono::seconds(30));
    auto pass = first.RunOnce();
    ASSERT_TRUE(pass.ok());
    EXPECT_EQ(pass->published, 6);  // due at +5 .. +30
  }                                 // killed
  clock_.Advance(std::chrono::seconds(120));
  auto sink = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(100);
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("test", sink));
  auto store = OpenMigrated(path);
  Publisher second(store->editorial(), clock_, {}, {});
  auto pass = second.RunOnce();
  spdlog::set_default_logger(previous);
  ASSERT_TRUE(pass.ok());
  EXPECT_EQ(pass->published, 14);
  EXPECT_EQ(pass->late, 14);
  EXPECT_EQ(pass->max_delay, 150 - 35);
  EXPECT_EQ(second.late_total(), 14u);
  int warnings = 0;
  for (const std::string& line : sink->last_formatted()) {
    if (line.find("late") != std::string::npos && line.find("warning") != std::string::npos) {
      ++warnings;
    }
  }
  EXPECT_EQ(warnings, 14);
  for (std::size_t i = 0; i < ids.size(); ++i) {
    auto article = store->articles().FindById(ids[i]);
    EXPECT_EQ(article->status, ArticleStatus::kPublished);
    EXPECT_EQ(article->published_at, kStart + static_cast<std::int64_t>(i + 1) * 5);
  }
}

// Two nodes on one database: each article is published by exactly one of them.
TEST_F(PublisherTest, OfTwoNodesExactlyOnePublishesEach) {
  const std::string path = dir_.File("w.db");
  auto a = OpenMigrated(path);
  auto b = OpenMigrated(path);
  for (int i = 0; i < 100; ++i) Schedule(*a, kStart + 1);
  clock_.Advance(std::chrono::seconds(2));
  Publisher node_a(a->editorial(), clock_, {}, {});
  Publisher node_b(b->editorial(), clock_, {}, {});
  int published_a = 0;
  int published_b = 0;
  std::thread ta([&] { published_a = node_a.RunOnce()->published; });
  std::thread tb([&] { published_b = node_b.RunOnce()->published; });
  ta.join();
  tb.join();
  EXPECT_EQ(published_a + published_b, 100);
  auto connection = a->pool().Acquire();
  auto audited = (*connection)
                     ->Prepare(
                         "SELECT count(*) FROM audit_log WHERE action = "
                         "'article.publish' AND user_id = 0");
  ASSERT_TRUE(audited.ok() && *audited->Step());
  EXPECT_EQ(audited->Int64(0), 100);
}

TEST_F(PublisherTest, WithdrawsWhenUnpublishAtComes) {
  auto store = OpenMigrated(dir_.File("w.db"));
  std::int64_t id = Schedule(*store, kStart + 10, kStart + 70);
  std::vector<std::int64_t> changed;
  Publisher publisher(store->editorial(), clock_, {},
                      [&](std::int64_t article) { changed.push_back(article); });
  clock_.Advance(std::chrono::seconds(10));
  EXPECT_EQ(publisher.RunOnce()->published, 1);
  EXPECT_EQ(*store->editorial().NextDue(), kStart + 70);
  clock_.Advance(std::chrono::seconds(60));
  auto pass = publisher.RunOnce();
  EXPECT_EQ(pass->unpublished, 1);
  EXPECT_EQ(store->articles().FindById(id)->status, ArticleStatus::kUnpublished);
  EXPECT_EQ(changed, (std::vector<std::int64_t>{id, id}));
}

TEST_F(PublisherTest, SleepsUntilTheNextDueTimeAtMostASecond) {
  auto store = OpenMigrated(dir_.File("w.db"));
  Publisher publisher(store->editorial(), clock_, {}, {});
  using std::chrono::milliseconds;
  EXPECT_EQ(publisher.SleepFor(kStart, std::nullopt), milliseconds(1000));
  EXPECT_EQ(publisher.SleepFor(kStart, kStart + 60), milliseconds(1000));
  EXPECT_EQ(publisher.SleepFor(kStart, kStart), milliseconds(0));
  EXPECT_EQ(publisher.SleepFor(kStart, kStart - 5), milliseconds(0));
}

// The thread itself: started, it publishes what is due after a Wake, and stops promptly.
TEST_F(PublisherTest, TheThreadPublishesAndStops) {
  auto store = OpenMigrated(dir_.File("w.db"));
  std::atomic<int> changes{0};
  Publisher publisher(store->editorial(), clock_, {}, [&](std::int64_t) { ++changes; });
  publisher.Start();
  Schedule(*store, kStart);
  publisher.Wake();
  for (int i = 0; i < 200 && changes.load() == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_EQ(changes.load(), 1);
  const auto stop_started = std::chrono::steady_clock::now();
  publisher.Stop();
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, std::chrono::milliseconds(500));
}

}  // namespace
}  // namespace warta::newsroom
