// The pipeline end to end in-process: a real SQLite store, a real HTTP server on loopback.
#include "ingest/pipeline/pipeline.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <map>
#include <mutex>
#include <sstream>

#include "ingest/fetcher/test_server.h"
#include "ingest/pipeline/stages.h"
#include "storage/editorial_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/temp_dir.h"

namespace warta::ingest::pipeline {
namespace {

using fetcher::testing::TestRequest;
using fetcher::testing::TestServer;

constexpr std::int64_t kNow = 1'730'000'000;  // 2024-10-27

struct Route {
  int status = 200;
  std::vector<std::string> headers;
  std::string body;
};

// A site whose pages tests change between runs; honours If-None-Match like a real server.
class Site {
 public:
  Site()
      : server_([this](const TestRequest& r, TestServer&, int fd) {
          Route route;
          {
            std::lock_guard lock(mutex_);
            auto it = routes_.find(r.path);
            route = it == routes_.end() ? Route{404, {}, "not found"} : it->second;
          }
          for (const std::string& h : route.headers) {
            if (h.rfind("ETag: ", 0) == 0 && r.Header("if-none-match") == h.substr(6)) {
              TestServer::Send(fd, TestServer::Head(304, {h}));
              return;
            }
          }
          TestServer::Send(fd, TestServer::Response(route.status, route.headers, route.body));
        }) {}

  void Set(const std::string& path, Route route) {
    std::lock_guard lock(mutex_);
    routes_[path] = std::move(route);
  }
  std::string Url(const std::string& path) const { return server_.Url(path); }
  std::vector<TestRequest> requests() const { return server_.requests(); }

 private:
  std::mutex mutex_;
  std::map<std::string, Route> routes_;
  TestServer server_;
};

std::string Rss(const std::string& title, const std::string& items, const std::string& extra = "") {
  return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>" + title +
         "</title><link>http://example.org/</link>" + extra + items + "</channel></rss>";
}

std::string Item(const std::string& guid, const std::string& title, const std::string& link,
                 const std::string& description,
                 const std::string& date =
                     "Sat, 26 Oct 2024 "
                     "10:00:00 GMT") {
  return "<item><guid>" + guid + "</guid><title>" + title + "</title><link>" + link +
         "</link><pubDate>" + date + "</pubDate><description><![CDATA[" + description +
         "]]></description></item>";
}

constexpr const char* kStory =
    "The regional transport office announced on Tuesday that the coastal railway line "
    "between the two harbour towns will reopen next month after eight weeks of repairs. "
    "Engineers replaced three bridges damaged by the autumn storms and strengthened the "
    "embankment along the river mouth. Officials said trains would run every thirty minutes "
    "during the morning and evening peaks, and every hour at other times.";

// What spdlog's default logger writes while this lives.
class CapturedLog {
 public:
  CapturedLog() : previous_(spdlog::default_logger()) {
    spdlog::set_default_logger(std::make_shared<spdlog::logger>(
        "captured", std::make_shared<spdlog::sinks::ostream_sink_mt>(out_)));
  }
  ~CapturedLog() { spdlog::set_default_logger(previous_); }
  CapturedLog(const CapturedLog&) = delete;
  CapturedLog& operator=(const CapturedLog&) = delete;
  std::string text() const { return out_.str(); }

 private:
  std::ostringstream out_;
  std::shared_ptr<spdlog::logger> previous_;
};

// From now on the store refuses the statements `when` names ("BEFORE INSERT ON stories")
// with "injected fault", as a failing disk or a corrupt table would.
void InjectFault(storage::sqlite::SqliteStore& store, const std::string& when) {
  auto lease = store.pool().Acquire();
  ASSERT_TRUE(lease.ok());
  ASSERT_TRUE((*lease)
                  ->Exec("CREATE TRIGGER fault " + when +
                         " BEGIN SELECT RAISE(ABORT, 'injected fault'); END")
                  .ok());
}

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = storage::sqlite::SqliteStore::Open(dir_.File("warta.db"));
    ASSERT_TRUE(store.ok());
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Migrate().ok());
    PipelineOptions options;
    options.fetch.allow_private = true;
    options.fetch.total_timeout = std::chrono::milliseconds(3000);
    options.fetch.low_speed_seconds = 1;
    options.fetch.max_body_bytes = 512 * 1024;
    options.clock = &clock_;
    auto pipeline = Pipeline::Create(*store_, options);
    ASSERT_TRUE(pipeline.ok());
    pipeline_ = std::move(*pipeline);
  }

  std::int64_t AddSource(const std::string& path, const std::string& name, bool full_text = false) {
    model::NewSource s;
    s.url = site_.Url(path);
    s.name = name;
    s.full_text = full_text;
    auto id = store_->sources().Add(s);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  RunSummary Run(bool force = true) {
    RunOptions run;
    run.force = force;
    auto summary = pipeline_->RunOnce(run);
    EXPECT_TRUE(summary.ok());
    return summary.ok() ? *summary : RunSummary{};
  }

  model::Source Source(std::int64_t id) { return store_->sources().FindById(id).value(); }

  storage::test_util::TempDir dir_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  FakeClock clock_{kNow};
  std::unique_ptr<Pipeline> pipeline_;
  Site site_;
};

TEST_F(PipelineTest, StoresItemsThenSendsConditionalRequestsAndAddsNothing) {
  site_.Set(
      "/a.xml",
      {200,
       {"Content-Type: application/rss+xml", "ETag: \"a1\""},
       Rss("Feed A", Item("a-1", "First", site_.Url("/1"), "<p>One <script>x()</script></p>") +
                         Item("a-2", "Second", site_.Url("/2"), "<p>Two</p>"))});
  const std::int64_t id = AddSource("/a.xml", "Paper A");
  RunSummary first = Run(false);
  EXPECT_EQ(first.sources, 1);
  EXPECT_EQ(first.fetched, 1);
  EXPECT_EQ(first.new_articles, 2);
  EXPECT_EQ(*store_->articles().Count(), 2);
  auto list = store_->articles().ListNewest(10, 0).value();
  EXPECT_EQ(list[0].source, "Paper A");
  auto article = store_->articles().FindById(list[0].id).value();
  EXPECT_EQ(article.body_html.find("script"), std::string::npos) << article.body_html;
  EXPECT_EQ(article.source_id, id);
  model::Source s = Source(id);
  EXPECT_EQ(s.etag, "\"a1\"");
  EXPECT_EQ(s.items_total, 2);
  EXPECT_EQ(s.last_status, 200);
  EXPECT_EQ(s.consecutive_errors, 0);
  EXPECT_EQ(s.next_fetch_at, kNow + 3600);

  // Not due yet: nothing fetched.
  EXPECT_EQ(Run(false).sources, 0);
  clock_.Advance(std::chrono::hours(1));
  RunSummary second = Run(false);
  EXPECT_EQ(second.not_modified, 1);
  EXPECT_EQ(second.new_articles, 0);
  EXPECT_EQ(site_.requests().back().Header("if-none-match"), "\"a1\"");
  EXPECT_EQ(*store_->articles().Count(), 2);

  // A changed feed repeating the old items stores only the new one.
  site_.Set("/a.xml", {200,
                       {"ETag: \"a2\""},
                       Rss("Feed A", Item("a-3", "Third", site_.Url("/3"), "<p>Three</p>") +
                                         Item("a-2", "Second", site_.Url("/2"), "<p>Two</p>"))});
  RunSummary third = Run(true);
  EXPECT_EQ(third.new_articles, 1);
  EXPECT_EQ(third.duplicates, 1);
  EXPECT_EQ(*store_->articles().Count(), 3);
}

// The newsroom's wire inbox: a source under review has its new items held (not public),
// each with the item as it came kept beside it; fetching again makes no second one.
TEST_F(PipelineTest, AReviewedSourcesItemsWaitInTheInbox) {
  site_.Set("/r.xml",
            {200,
             {"Content-Type: application/rss+xml"},
             Rss("Wire", Item("w-1", "Held item", site_.Url("/w1"), "<p>Wire text</p>"))});
  model::NewSource s;
  s.url = site_.Url("/r.xml");
  s.name = "Wire";
  s.review = true;
  auto id = store_->sources().Add(s);
  ASSERT_TRUE(id.ok());
  EXPECT_TRUE(Source(*id).review);
  EXPECT_EQ(Run().new_articles, 1);
  EXPECT_EQ(*store_->articles().Count(), 0);  // nothing public
  EXPECT_EQ(Run().new_articles, 0);
  storage::AdminListQuery held;
  held.status = model::ArticleStatus::kHeld;
  auto inbox = store_->editorial().List(held);
  ASSERT_TRUE(inbox.ok());
  ASSERT_EQ(inbox->rows.size(), 1u);
  auto wire = store_->editorial().Wire(inbox->rows.front().id);
  ASSERT_TRUE(wire.ok() && wire->has_value());
  EXPECT_EQ((*wire)->original_title, "Held item");
  EXPECT_NE((*wire)->original_body_html.find("Wire text"), std::string::npos);
  EXPECT_EQ((*wire)->guid, "w-1");
}

TEST_F(PipelineTest, OneStoryInTwoFeedsBecomesOneCluster) {
  site_.Set("/a.xml", {200,
                       {},
                       Rss("A", Item("a", "Railway to reopen", site_.Url("/a/1"),
                                     std::string("<p>") + kStory + "</p>"))});
  site_.Set("/b.xml", {200,
                       {},
                       Rss("B", Item("b", "Coastal line reopens next month", site_.Url("/b/1"),
                                     std::string("<p>HARBOURTOWN - ") + kStory + " (Wire)</p>"))});
  const std::int64_t a = AddSource("/a.xml", "Paper A");
  AddSource("/b.xml", "Paper B");
  RunSummary summary = Run();
  EXPECT_EQ(summary.new_articles, 2);
  EXPECT_EQ(summary.clustered, 1);
  auto refs = store_->articles().ListBySource(a, 10).value();
  ASSERT_EQ(refs.size(), 1u);
  auto article = store_->articles().FindById(refs[0].id).value();
  EXPECT_NE(article.story_id, 0);
  ASSERT_EQ(article.also_reported_by.size(), 1u);
  EXPECT_EQ(article.also_reported_by[0].source, "Paper B");
  EXPECT_EQ(article.lang, "en");  // detected: the source states none
}

TEST_F(PipelineTest, AStoryThatCannotBeJoinedKeepsTheArticleAndLogsWhy) {
  site_.Set("/a.xml", {200, {}, Rss("A", Item("a", "Railway", site_.Url("/a/1"), kStory))});
  site_.Set("/b.xml", {200, {}, Rss("B", Item("b", "Coastal", site_.Url("/b/1"), kStory))});
  AddSource("/a.xml", "Paper A");
  AddSource("/b.xml", "Paper B");
  InjectFault(*store_, "BEFORE INSERT ON stories");
  CapturedLog log;
  RunSummary summary = Run();
  EXPECT_EQ(summary.new_articles, 2);
  EXPECT_EQ(summary.clustered, 0);
  EXPECT_EQ(summary.failed, 0);
  EXPECT_NE(log.text().find("stored but not grouped into a story"), std::string::npos)
      << log.text();
  EXPECT_NE(log.text().find("injected fault"), std::string::npos) << log.text();
}

std::string ArticlePage() {
  std::string page =
      "<html><head><title>Bridge opens</title></head><body><nav><a href='/'>Home</a></nav>"
      "<article><h1>Bridge opens</h1>";
  for (int i = 0; i < 6; ++i) page += std::string("<p>") + kStory + "</p>";
  return page + "</article><footer>Contact us</footer></body></html>";
}

TEST_F(PipelineTest, ABodyThatCannotBeStoredOnReextractIsLoggedWithItsCause) {
  site_.Set("/page.html", {200, {"Content-Type: text/html; charset=utf-8"}, ArticlePage()});
  site_.Set(
      "/r.xml",
      {200, {}, Rss("R", Item("r", "Bridge opens", site_.Url("/page.html"), "Short summary."))});
  const std::int64_t id = AddSource("/r.xml", "Paper R");
  EXPECT_EQ(Run().new_articles, 1);
  InjectFault(*store_, "BEFORE UPDATE OF body_html ON articles");
  CapturedLog log;
  auto summary = pipeline_->Reextract(id, 10);
  ASSERT_TRUE(summary.ok()) << summary.error().message;
  EXPECT_EQ(summary->updated, 0);
  EXPECT_EQ(summary->unchanged, 1);
  EXPECT_NE(log.text().find("cannot store the body"), std::string::npos) << log.text();
  EXPECT_NE(log.text().find("injected fault"), std::string::npos) << log.text();
}

TEST_F(PipelineTest, SummaryOnlyFeedGetsItsFullText) {
  site_.Set("/page.html", {200, {"Content-Type: text/html; charset=utf-8"}, ArticlePage()});
  site_.Set(
      "/f.xml",
      {200, {}, Rss("F", Item("f", "Bridge opens", site_.Url("/page.html"), "Short summary."))});
  AddSource("/f.xml", "Paper F", /*full_text=*/true);
  RunSummary summary = Run();
  EXPECT_EQ(summary.new_articles, 1);
  EXPECT_EQ(summary.full_text, 1);
  auto list = store_->articles().ListNewest(1, 0).value();
  auto article = store_->articles().FindById(list[0].id).value();
  EXPECT_NE(article.body_html.find("embankment"), std::string::npos);
  EXPECT_EQ(article.body_html.find("Contact us"), std::string::npos);
}

TEST_F(PipelineTest, AFailingSourceBacksOffAndRecoversWithoutHurtingOthers) {
  site_.Set("/bad.xml", {500, {}, "oops"});
  site_.Set("/png.xml", {200, {"Content-Type: image/png"}, "\x89PNG\r\n\x1a\nxxxx"});
  site_.Set("/good.xml", {200, {}, Rss("G", Item("g", "Fine", site_.Url("/g"), "<p>ok</p>"))});
  const std::int64_t bad = AddSource("/bad.xml", "Bad");
  const std::int64_t png = AddSource("/png.xml", "Png");
  AddSource("/good.xml", "Good");
  RunSummary first = Run(false);
  EXPECT_EQ(first.failed, 2);
  EXPECT_EQ(first.fetched, 1);
  EXPECT_EQ(first.new_articles, 1);
  EXPECT_EQ(Source(bad).consecutive_errors, 1);
  EXPECT_EQ(Source(bad).last_error, "HTTP 500");
  EXPECT_NE(Source(png).last_error.find("image/png"), std::string::npos);
  std::int64_t previous_wait = Source(bad).next_fetch_at - clock_.NowUnix();
  for (int i = 2; i <= 4; ++i) {
    clock_.SetUnix(Source(bad).next_fetch_at);
    Run(false);
    const model::Source s = Source(bad);
    EXPECT_EQ(s.consecutive_errors, i);
    EXPECT_GT(s.next_fetch_at - clock_.NowUnix(), previous_wait);
    previous_wait = s.next_fetch_at - clock_.NowUnix();
    EXPECT_TRUE(s.enabled);
  }
  site_.Set("/bad.xml", {200, {}, Rss("B", Item("b", "Back", site_.Url("/b"), "<p>back</p>"))});
  clock_.SetUnix(Source(bad).next_fetch_at);
  Run(false);
  const model::Source recovered = Source(bad);
  EXPECT_EQ(recovered.consecutive_errors, 0);
  EXPECT_EQ(recovered.last_error, "");
  EXPECT_EQ(recovered.next_fetch_at, clock_.NowUnix() + 3600);
}

TEST_F(PipelineTest, GoneDisablesAndPermanentRedirectsMoveTheSource) {
  site_.Set("/gone.xml", {410, {}, ""});
  site_.Set("/old.xml", {301, {"Location: " + site_.Url("/new.xml")}, ""});
  site_.Set("/new.xml", {200, {}, Rss("N", Item("n", "Moved", site_.Url("/n"), "<p>n</p>"))});
  const std::int64_t gone = AddSource("/gone.xml", "Gone");
  const std::int64_t moved = AddSource("/old.xml", "Moved");
  Run();
  EXPECT_FALSE(Source(gone).enabled);
  EXPECT_EQ(Source(moved).url, site_.Url("/new.xml"));
  EXPECT_EQ(Run().sources, 1);  // the disabled one is no longer fetched
}

TEST_F(PipelineTest, TtlAndSkipHoursStretchThePollingInterval) {
  site_.Set("/ttl.xml", {200,
                         {"Cache-Control: max-age=60"},
                         Rss("T", Item("t", "T", site_.Url("/t"), "<p>t</p>"), "<ttl>180</ttl>")});
  const std::int64_t id = AddSource("/ttl.xml", "Ttl");
  Run();
  EXPECT_EQ(Source(id).next_fetch_at, kNow + 180 * 60);
}

TEST_F(PipelineTest, ReportsProgressOncePerSource) {
  site_.Set("/p.xml", {200, {}, Rss("P", Item("p", "P", site_.Url("/p"), "<p>p</p>"))});
  AddSource("/p.xml", "P");
  AddSource("/missing.xml", "Missing");
  std::vector<Progress> seen;
  RunOptions run;
  run.force = true;
  run.on_progress = [&seen](const Progress& p) { seen.push_back(p); };
  ASSERT_TRUE(pipeline_->RunOnce(run).ok());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[1].done, 2u);
  EXPECT_EQ(seen[1].total, 2u);
  EXPECT_EQ(seen[0].failed + seen[1].failed, 1);
}

TEST(ScanRssHintsTest, ReadsTheChannelsHintsOnly) {
  const auto hints = ScanRssHints(
      "<rss><channel><ttl> 90 </ttl><skipHours><hour>0</hour><hour>23</hour><hour>99</hour>"
      "</skipHours><skipDays><day>Sunday</day></skipDays><item><ttl>5</ttl></item></channel>");
  EXPECT_EQ(hints.ttl_minutes, 90);
  EXPECT_EQ(hints.skip_hours, (1U << 0) | (1U << 23));
  EXPECT_EQ(hints.skip_days, 1U);
  EXPECT_FALSE(ScanRssHints("<rss><channel><item><ttl>5</ttl></item>").ttl_minutes);
  EXPECT_FALSE(ScanRssHints("<ttl>x</ttl>").ttl_minutes);
}

TEST(DecodePageTest, FollowsTheHeaderThenTheMetaCharset) {
  EXPECT_EQ(DecodePage("caf\xe9", "text/html; charset=iso-8859-1"), "caf\xc3\xa9");
  EXPECT_EQ(DecodePage("<meta charset=\"windows-1252\">caf\xe9", "text/html"),
            "<meta charset=\"windows-1252\">caf\xc3\xa9");
  EXPECT_EQ(DecodePage("<meta charset=\"shift_jis\">\x93\x8c\x8b\x9e", ""),
            "<meta charset=\"shift_jis\">\xe6\x9d\xb1\xe4\xba\xac");
  EXPECT_EQ(DecodePage("plain", ""), "plain");
}

TEST(TruncateUtf8Test, NeverSplitsACharacter) {
  EXPECT_EQ(TruncateUtf8("東京", 4), "東");
  EXPECT_EQ(TruncateUtf8("abc", 10), "abc");
}

}  // namespace
}  // namespace warta::ingest::pipeline
