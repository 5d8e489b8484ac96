#include "ingest/scheduler/scheduler.h"

#include <gtest/gtest.h>

#include <thread>

#include "ingest/fetcher/test_server.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/temp_dir.h"

namespace warta::ingest::scheduler {
namespace {

using fetcher::testing::TestRequest;
using fetcher::testing::TestServer;
using Clock = std::chrono::steady_clock;

class SchedulerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::sqlite::SqliteStore::Open(dir_.File("warta.db"));
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Migrate().ok());
  }

  pipeline::PipelineOptions Options() {
    pipeline::PipelineOptions options;
    options.fetch.allow_private = true;
    options.fetch.total_timeout = std::chrono::milliseconds(20'000);
    options.fetch.low_speed_bytes = 1;
    options.fetch.low_speed_seconds = 20;
    options.clock = &clock_;  // when sources are due is the fake clock's business
    return options;
  }

  void AddSource(const std::string& url) {
    model::NewSource s;
    s.url = url;
    s.name = "Src";
    ASSERT_TRUE(store_->sources().Add(s).ok());
  }

  // Polls until `done` or a generous deadline: the scheduler works on its own thread.
  template <typename Done>
  static bool WaitUntil(Done done) {
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (!done() && Clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return done();
  }

  FakeClock clock_;
  storage::test_util::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
};

std::string OneItemFeed() {
  return "<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid>"
         "<title>Hello</title><description>World</description></item></channel></rss>";
}

TEST_F(SchedulerTest, RunsInTheBackgroundAndPublishesSourceHealth) {
  TestServer server([](const TestRequest&, TestServer&, int fd) {
    TestServer::Send(fd, TestServer::Response(
                             200, {"Content-Type: application/rss+xml"},
                             "<rss version=\"2.0\"><channel><title>T</title><item><guid>1</guid>"
                             "<title>Hello</title><description>World</description></item>"
                             "</channel></rss>"));
  });
  AddSource(server.Url("/feed"));
  metrics::Registry registry;
  auto scheduler =
      Scheduler::Create(*store_, Options(), {std::chrono::milliseconds(20)}, &registry);
  ASSERT_TRUE(scheduler.ok());
  (*scheduler)->Start();
  const auto deadline = Clock::now() + std::chrono::seconds(10);
  while (*store_->articles().Count() == 0 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  while ((*scheduler)->runs() < 2 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  (*scheduler)->Stop();
  EXPECT_EQ(*store_->articles().Count(), 1);
  EXPECT_EQ(server.requests().size(), 1u);  // not due again within the floor
  const std::string text = registry.Render();
  EXPECT_NE(text.find("warta_ingest_articles_total 1"), std::string::npos) << text;
  EXPECT_NE(text.find("warta_source_consecutive_errors{source_id=\"1\",source=\"Src\"} 0"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("warta_sources{state=\"all\"} 1"), std::string::npos);
}

TEST_F(SchedulerTest, StopCancelsASlowFetchAndLeavesTheSourceDue) {
  TestServer server([](const TestRequest&, TestServer& s, int fd) {
    TestServer::Send(fd, TestServer::Head(200, {"Content-Length: 100000"}));
    while (!s.stopping() && TestServer::Send(fd, "x")) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  });
  AddSource(server.Url("/slow"));
  auto scheduler =
      Scheduler::Create(*store_, Options(), {std::chrono::milliseconds(1000)}, nullptr);
  ASSERT_TRUE(scheduler.ok());
  (*scheduler)->Start();
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (server.requests().empty() && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const auto start = Clock::now();
  (*scheduler)->Stop();
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
  auto source = store_->sources().FindById(1);
  ASSERT_TRUE(source.ok());
  EXPECT_EQ(source->consecutive_errors, 0);
  EXPECT_EQ(source->last_fetch_at, 0);
}

TEST_F(SchedulerTest, ASourceIsFetchedAgainOnlyOnceTheClockPassesItsNextFetch) {
  TestServer server([](const TestRequest&, TestServer&, int fd) {
    TestServer::Send(
        fd, TestServer::Response(200, {"Content-Type: application/rss+xml"}, OneItemFeed()));
  });
  AddSource(server.Url("/feed"));
  auto scheduler = Scheduler::Create(*store_, Options(), {std::chrono::milliseconds(5)}, nullptr);
  ASSERT_TRUE(scheduler.ok());
  (*scheduler)->Start();
  ASSERT_TRUE(WaitUntil([&] { return (*scheduler)->runs() >= 3; }));
  EXPECT_EQ(server.requests().size(), 1u);  // later runs found it not due
  const std::int64_t next = store_->sources().FindById(1)->next_fetch_at;
  clock_.SetUnix(next - 1);
  const std::uint64_t runs = (*scheduler)->runs();
  ASSERT_TRUE(WaitUntil([&] { return (*scheduler)->runs() >= runs + 2; }));
  EXPECT_EQ(server.requests().size(), 1u);  // a second early
  clock_.SetUnix(next);
  EXPECT_TRUE(WaitUntil([&] { return server.requests().size() >= 2; }));
  (*scheduler)->Stop();
  EXPECT_EQ(server.requests().size(), 2u);
}

TEST_F(SchedulerTest, FetchNowFetchesOneSourceOutsideItsScheduleAndNotTooOften) {
  TestServer server([](const TestRequest&, TestServer&, int fd) {
    TestServer::Send(
        fd, TestServer::Response(200, {"Content-Type: application/rss+xml"}, OneItemFeed()));
  });
  AddSource(server.Url("/a"));
  AddSource(server.Url("/b"));
  const auto fetches_of = [&server](const std::string& path) {
    std::size_t n = 0;
    for (const TestRequest& r : server.requests()) n += r.path == path ? 1 : 0;
    return n;
  };
  // An hour between scheduled runs: only the first run and "fetch now" can fetch here.
  auto scheduler = Scheduler::Create(*store_, Options(), {std::chrono::hours(1)}, nullptr);
  ASSERT_TRUE(scheduler.ok());
  (*scheduler)->Start();
  ASSERT_TRUE(WaitUntil([&] { return (*scheduler)->runs() >= 1; }));
  ASSERT_EQ(fetches_of("/a"), 1u);
  ASSERT_EQ(fetches_of("/b"), 1u);

  // Fetched a moment ago: refused, with the wait.
  auto early = (*scheduler)->FetchNow(1);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kUnavailable);
  EXPECT_EQ(early.error().user_key, "fetch_too_soon");
  EXPECT_NE(early.error().message.find("fetch it again in 30 s"), std::string::npos)
      << early.error().message;

  // Half a minute later the source is still far from due, and "fetch now" fetches it alone.
  clock_.Advance(std::chrono::seconds(30));
  ASSERT_TRUE((*scheduler)->FetchNow(1).ok());
  EXPECT_TRUE(WaitUntil([&] { return fetches_of("/a") == 2; }));
  EXPECT_TRUE(WaitUntil([&] { return (*scheduler)->runs() >= 2; }));
  EXPECT_EQ(fetches_of("/b"), 1u);
  EXPECT_EQ(store_->sources().FindById(1)->last_fetch_at, clock_.NowUnix());

  auto unknown = (*scheduler)->FetchNow(99);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  (*scheduler)->Stop();
  EXPECT_EQ(server.requests().size(), 3u);
}

}  // namespace
}  // namespace warta::ingest::scheduler
