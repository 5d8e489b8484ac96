// The fetcher against a real server on loopback, including hostile behaviour.
#include "ingest/fetcher/fetcher.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "ingest/fetcher/test_server.h"

namespace warta::ingest::fetcher {
namespace {

using testing::TestRequest;
using testing::TestServer;
using Clock = std::chrono::steady_clock;

FetchOptions TestOptions() {
  FetchOptions o;
  o.user_agent = "warta-test/1.0 (+http://example.org/)";
  o.allow_private = true;  // the test server is on loopback
  o.connect_timeout = std::chrono::milliseconds(2000);
  o.total_timeout = std::chrono::milliseconds(5000);
  o.low_speed_bytes = 1000;
  o.low_speed_seconds = 1;
  o.max_body_bytes = 256 * 1024;
  return o;
}

std::unique_ptr<Fetcher> MakeFetcher(const FetchOptions& options = TestOptions()) {
  auto fetcher = Fetcher::Create(options);
  EXPECT_TRUE(fetcher.ok());
  return std::move(fetcher).value();
}

// Counts requests from their arrival at the server until just before their response is
// sent. A client cannot finish a transfer, and so cannot start the next one, before the
// response arrives, so however late the server's threads run, the count never exceeds the
// number of transfers the client had running: peak() is an upper bound that cannot flake.
// Serve holds each request until `expected` have been in flight together, so a client that
// respects the limit always reaches it, whatever the scheduling; then `hold` longer, so that
// a request beyond the limit would arrive while the others are still counted.
class InFlight {
 public:
  explicit InFlight(int expected) : expected_(expected) {}

  void Serve(int fd, std::chrono::milliseconds hold) {
    {
      std::unique_lock lock(mutex_);
      peak_ = std::max(peak_, ++now_);
      if (peak_ >= expected_) reached_.notify_all();
      // Bounded so that a client that never overlaps fails on peak() instead of hanging;
      // shorter than the client's timeouts in the test below.
      reached_.wait_for(lock, std::chrono::seconds(2), [&] { return peak_ >= expected_; });
    }
    std::this_thread::sleep_for(hold);
    {
      std::lock_guard lock(mutex_);
      --now_;
    }
    TestServer::Send(fd, TestServer::Response(200, {}, "ok"));
  }

  int peak() const {
    std::lock_guard lock(mutex_);
    return peak_;
  }

 private:
  const int expected_;
  mutable std::mutex mutex_;
  std::condition_variable reached_;
  int now_ = 0;
  int peak_ = 0;
};

std::string Gzip(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(FetcherTest, FetchesABodyWithAUserAgentAndDecodesGzip) {
  const std::string feed = "<rss><channel><title>T</title></channel></rss>";
  TestServer server([&](const TestRequest& r, TestServer&, int fd) {
    if (r.path == "/gz") {
      TestServer::Send(fd, TestServer::Response(
                               200, {"Content-Encoding: gzip", "Content-Type: application/rss+xml"},
                               Gzip(feed)));
    } else {
      TestServer::Send(
          fd, TestServer::Response(
                  200,
                  {"Content-Type: text/xml; charset=utf-8", "ETag: \"abc\"",
                   "Last-Modified: Tue, 14 Nov 2023 22:13:20 GMT", "Cache-Control: max-age=900"},
                  feed));
    }
  });
  auto fetcher = MakeFetcher();
  FetchResponse plain = fetcher->Fetch({server.Url("/feed"), "", "", "application/rss+xml"});
  ASSERT_TRUE(plain.ok()) << plain.error->message;
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body, feed);
  EXPECT_EQ(plain.content_type, "text/xml; charset=utf-8");
  EXPECT_EQ(plain.etag, "\"abc\"");
  EXPECT_EQ(plain.last_modified, "Tue, 14 Nov 2023 22:13:20 GMT");
  EXPECT_EQ(plain.max_age_seconds, 900);
  EXPECT_TRUE(plain.permanent_url.empty());

  FetchResponse gz = fetcher->Fetch({server.Url("/gz"), "", "", ""});
  ASSERT_TRUE(gz.ok());
  EXPECT_EQ(gz.body, feed);

  auto seen = server.requests();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].Header("user-agent"), "warta-test/1.0 (+http://example.org/)");
  EXPECT_EQ(seen[0].Header("accept"), "application/rss+xml");
  const std::string encodings = seen[0].Header("accept-encoding");
  EXPECT_NE(encodings.find("gzip"), std::string::npos) << encodings;
  EXPECT_NE(encodings.find("br"), std::string::npos) << encodings;
  EXPECT_TRUE(seen[0].Header("if-none-match").empty());
}

TEST(FetcherTest, SendsConditionalHeadersAndReports304) {
  TestServer server([](const TestRequest& r, TestServer&, int fd) {
    if (r.Header("if-none-match") == "\"v1\"") {
      TestServer::Send(fd, TestServer::Head(304, {"ETag: \"v1\""}));
    } else {
      TestServer::Send(fd, TestServer::Response(200, {"ETag: \"v1\""}, "body"));
    }
  });
  auto fetcher = MakeFetcher();
  FetchResponse r =
      fetcher->Fetch({server.Url("/"), "\"v1\"", "Tue, 14 Nov 2023 22:13:20 GMT", ""});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
  auto seen = server.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].Header("if-modified-since"), "Tue, 14 Nov 2023 22:13:20 GMT");
  // A validator with a line break is not sent at all (no header injection).
  r = fetcher->Fetch({server.Url("/"), "\"v1\"\r\nX-Evil: 1", "", ""});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(server.requests().back().Header("x-evil").empty());
}

TEST(FetcherTest, AnEndlessBodyStopsAtTheCap) {
  TestServer server([](const TestRequest&, TestServer& s, int fd) {
    TestServer::Send(fd, TestServer::Head(200, {"Content-Type: application/rss+xml"}));
    const std::string chunk(64 * 1024, 'x');
    while (!s.stopping() && TestServer::Send(fd, chunk)) {
    }
  });
  auto fetcher = MakeFetcher();
  const auto start = Clock::now();
  FetchResponse r = fetcher->Fetch({server.Url("/endless"), "", "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->code, ErrorCode::kTooLarge) << r.error->message;
  EXPECT_TRUE(r.body.empty());
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(3));
}

TEST(FetcherTest, ADeclaredLengthOverTheCapIsRefused) {
  TestServer server([](const TestRequest&, TestServer&, int fd) {
    TestServer::Send(fd, TestServer::Head(200, {"Content-Length: 1000000000000"}));
  });
  auto fetcher = MakeFetcher();
  FetchResponse r = fetcher->Fetch({server.Url("/"), "", "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->code, ErrorCode::kTooLarge);
}

TEST(FetcherTest, AGzipBombStopsAtTheDecodedCap) {
  const std::string bomb = Gzip(std::string(16 * 1024 * 1024, '\0'));
  ASSERT_LT(bomb.size(), 256u * 1024);  // small on the wire, 16 MB decoded
  TestServer server([&](const TestRequest&, TestServer&, int fd) {
    TestServer::Send(fd, TestServer::Response(200, {"Content-Encoding: gzip"}, bomb));
  });
  auto fetcher = MakeFetcher();
  FetchResponse r = fetcher->Fetch({server.Url("/bomb"), "", "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->code, ErrorCode::kTooLarge) << r.error->message;
}

TEST(FetcherTest, RedirectLoopsEndAfterTheLimit) {
  TestServer server([](const TestRequest& r, TestServer& s, int fd) {
    const std::string next = r.path == "/a" ? "/b" : "/a";
    TestServer::Send(fd, TestServer::Response(302, {"Location: " + s.Url(next)}, ""));
  });
  auto fetcher = MakeFetcher();
  FetchResponse r = fetcher->Fetch({server.Url("/a"), "", "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error->message.find("redirects"), std::string::npos) << r.error->message;
  EXPECT_LE(server.requests().size(), 6u);
}

TEST(FetcherTest, OnlyAllPermanentRedirectsMoveTheSource) {
  TestServer server([](const TestRequest& r, TestServer& s, int fd) {
    if (r.path == "/old") {
      TestServer::Send(fd, TestServer::Response(301, {"Location: " + s.Url("/older")}, ""));
    } else if (r.path == "/older") {
      TestServer::Send(fd, TestServer::Response(308, {"Location: /new"}, ""));
    } else if (r.path == "/temp") {
      TestServer::Send(fd, TestServer::Response(302, {"Location: /new"}, ""));
    } else if (r.path == "/mixed") {
      TestServer::Send(fd, TestServer::Response(301, {"Location: /temp"}, ""));
    } else if (r.path == "/file") {
      TestServer::Send(fd, TestServer::Response(301, {"Location: file:///etc/passwd"}, ""));
    } else {
      TestServer::Send(fd, TestServer::Response(200, {}, "new"));
    }
  });
  auto fetcher = MakeFetcher();
  FetchResponse moved = fetcher->Fetch({server.Url("/old"), "", "", ""});
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(moved.body, "new");
  EXPECT_EQ(moved.redirects, 2);
  EXPECT_EQ(moved.permanent_url, server.Url("/new"));
  FetchResponse temp = fetcher->Fetch({server.Url("/temp"), "", "", ""});
  EXPECT_EQ(temp.body, "new");
  EXPECT_TRUE(temp.permanent_url.empty());
  FetchResponse mixed = fetcher->Fetch({server.Url("/mixed"), "", "", ""});
  EXPECT_EQ(mixed.body, "new");
  EXPECT_TRUE(mixed.permanent_url.empty());
  FetchResponse file = fetcher->Fetch({server.Url("/file"), "", "", ""});
  ASSERT_FALSE(file.ok());
  EXPECT_TRUE(file.body.empty());
}

TEST(FetcherTest, ATricklingServerHitsTheLowSpeedLimit) {
  TestServer server([](const TestRequest&, TestServer& s, int fd) {
    TestServer::Send(fd, TestServer::Head(200, {"Content-Length: 100000"}));
    while (!s.stopping() && TestServer::Send(fd, "x")) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  auto fetcher = MakeFetcher();
  const auto start = Clock::now();
  FetchResponse r = fetcher->Fetch({server.Url("/slow"), "", "", ""});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error->code, ErrorCode::kTimeout) << r.error->message;
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(4));
}

TEST(FetcherTest, PrivateAddressesAreRefusedAtConnectTime) {
  TestServer server([](const TestRequest&, TestServer&, int fd) {
    TestServer::Send(fd, TestServer::Response(200, {}, "secret"));
  });
  FetchOptions options = TestOptions();
  options.allow_private = false;
  auto fetcher = MakeFetcher(options);
  for (const std::string host : {"127.0.0.1", "localhost"}) {
    FetchResponse r = fetcher->Fetch({server.Url("/", host), "", "", ""});
    ASSERT_FALSE(r.ok()) << host;
    EXPECT_EQ(r.error->code, ErrorCode::kPermissionDenied) << r.error->message;
    EXPECT_NE(r.error->message.find("allow_private"), std::string::npos);
    EXPECT_TRUE(r.body.empty());
  }
  EXPECT_TRUE(server.requests().empty());
}

TEST(FetcherTest, OnlyHttpAndHttpsAreFetched) {
  auto fetcher = MakeFetcher();
  for (const char* url : {"file:///etc/passwd", "ftp://example.org/x", "gopher://x/", "nonsense"}) {
    FetchResponse r = fetcher->Fetch({url, "", "", ""});
    ASSERT_FALSE(r.ok()) << url;
  }
}

TEST(FetcherTest, RetryAfterIsRead) {
  TestServer server([](const TestRequest&, TestServer&, int fd) {
    TestServer::Send(fd, TestServer::Response(503, {"Retry-After: 120"}, "busy"));
  });
  FakeClock clock;
  FetchOptions options = TestOptions();
  options.clock = &clock;
  auto fetcher = MakeFetcher(options);
  const std::int64_t before = clock.NowUnix();
  FetchResponse r = fetcher->Fetch({server.Url("/"), "", "", ""});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.status, 503);
  ASSERT_TRUE(r.retry_after_at.has_value());
  EXPECT_GE(*r.retry_after_at, before + 120);
  EXPECT_LE(*r.retry_after_at, before + 122);
  EXPECT_EQ(*r.retry_after_at, before + 120);  // the fake clock does not move
}

// Regression: this test used TestServer::max_concurrent, which counted a request until its
// handler returned, i.e. after the response was sent. Under load the client finished the
// transfer and started the next one before the old server thread got to run again, so the
// server saw 3-5 requests "at once" from a fetcher that never ran more than the limit.
TEST(FetcherTest, ConcurrencyStaysWithinThePerHostAndGlobalLimits) {
  constexpr auto kHold = std::chrono::milliseconds(100);
  InFlight per_host(2);
  TestServer server([&](const TestRequest&, TestServer&, int fd) { per_host.Serve(fd, kHold); });
  FetchOptions options = TestOptions();
  // A request waiting at InFlight's barrier receives nothing; the client must not abort it
  // before the barrier's deadline, or a fetcher that never overlaps would show up as
  // timeouts instead of as a peak below the limit.
  options.low_speed_seconds = 5;
  options.max_per_host = 2;
  options.max_concurrent = 8;
  auto fetcher = MakeFetcher(options);
  std::vector<FetchRequest> requests;
  for (int i = 0; i < 6; ++i) requests.push_back({server.Url("/" + std::to_string(i)), "", "", ""});
  std::vector<int> statuses(requests.size(), -1);
  const auto start = Clock::now();
  fetcher->Run(requests, [&](std::size_t i, FetchResponse r) { statuses[i] = r.status; });
  for (int status : statuses) EXPECT_EQ(status, 200);
  EXPECT_EQ(per_host.peak(), 2);
  // Every response waits kHold at the server, so 6 requests 2 at a time take 3 holds; any
  // scheduling delay only adds to this.
  EXPECT_GE(Clock::now() - start, 3 * kHold);

  InFlight global(3);
  TestServer other([&](const TestRequest&, TestServer&, int fd) { global.Serve(fd, kHold); });
  options.max_per_host = 8;
  options.max_concurrent = 3;
  auto limited = MakeFetcher(options);
  requests.clear();
  for (int i = 0; i < 9; ++i) requests.push_back({other.Url("/" + std::to_string(i)), "", "", ""});
  int ok = 0;
  limited->Run(requests, [&](std::size_t, FetchResponse r) { ok += r.status == 200 ? 1 : 0; });
  EXPECT_EQ(ok, 9);
  EXPECT_EQ(global.peak(), 3);
}

TEST(FetcherTest, CancelStopsABatchQuickly) {
  TestServer server([](const TestRequest&, TestServer& s, int fd) {
    TestServer::Send(fd, TestServer::Head(200, {}));
    while (!s.stopping() && TestServer::Send(fd, std::string(2000, 'x'))) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  auto fetcher = MakeFetcher();
  std::atomic<bool> cancel{false};
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    cancel = true;
  });
  std::vector<FetchRequest> requests(5, FetchRequest{server.Url("/"), "", "", ""});
  int cancelled = 0;
  const auto start = Clock::now();
  fetcher->Run(
      requests,
      [&](std::size_t, FetchResponse r) {
        if (!r.ok() && r.error->code == ErrorCode::kUnavailable) ++cancelled;
      },
      &cancel);
  canceller.join();
  EXPECT_EQ(cancelled, 5);
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(2));
}

}  // namespace
}  // namespace warta::ingest::fetcher
