// The edge limits through a real server on loopback (issue 16, findings 2, 6, 7, 9): clients
// play different addresses by binding to 127.0.0.x.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "http/server/router_server_fixture.h"
#include "http/server/test_client.h"

namespace warta::http {
namespace {

using testing::Get;
using testing::TestClient;

class EdgeLimitsTest : public testing::RouterServerFixture {
 protected:
  void StartServer(ServerOptions options) {
    options.threads = 2;
    options.read_timeout = std::chrono::seconds(5);
    router_.Add(Method::kGet, "/hello", "hello",
                [](const Request&, const RouteParams&) { return TextResponse(200, "hello"); });
    router_.Add(Method::kGet, "/own", "own", [](const Request&, const RouteParams&) {
      Response r = TextResponse(200, "own");
      r.SetHeader("X-Frame-Options", "SAMEORIGIN");
      return r;
    });
    router_.Add(Method::kPost, "/echo", "echo", [](const Request& r, const RouteParams&) {
      return TextResponse(200, std::string(r.body));
    });
    StartRouterServer(options);
  }
  // The status of one request sent on a new connection from `source`.
  int StatusFrom(const char* source, const std::string& request) {
    TestClient c(server_->port(), false, source);
    if (!c.connected() || !c.Send(request)) return -1;
    auto r = c.Read();
    return r ? r->status : -1;
  }
  std::string Metrics() { return registry_.Render(); }
};

std::string Post(std::string_view body) {
  return "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\n\r\n" + std::string(body);
}

TEST_F(EdgeLimitsTest, ABurstFromOneAddressMeets429AndAnotherIsStillServed) {
  ServerOptions options;
  options.requests_per_minute = 600;
  StartServer(options);
  TestClient c(server_->port(), false, "127.0.0.1");
  std::string burst;
  for (int i = 0; i < 100; ++i) burst += Get("/hello");
  int ok = 0, limited = 0;
  std::string retry_after;
  for (int round = 0; round < 15; ++round) {  // 1,500 requests, pipelined 100 at a time
    ASSERT_TRUE(c.Send(burst));
    for (int i = 0; i < 100; ++i) {
      auto r = c.Read();
      ASSERT_TRUE(r);
      if (r->status == 200) ++ok;
      if (r->status == 429) {
        ++limited;
        retry_after = r->Get("retry-after");
      }
    }
  }
  EXPECT_GE(ok, 600);
  EXPECT_LT(ok, 700);  // the budget, plus what refilled during the burst
  EXPECT_EQ(ok + limited, 1500);
  EXPECT_EQ(retry_after, "1");
  EXPECT_EQ(StatusFrom("127.0.0.2", Get("/hello")), 200);
  EXPECT_NE(Metrics().find("warta_http_rate_limited_total{budget=\"requests\"} " +
                           std::to_string(limited)),
            std::string::npos);
}

TEST_F(EdgeLimitsTest, WritesHaveTheirOwnSmallerBudget) {
  ServerOptions options;
  options.requests_per_minute = 600;
  options.writes_per_minute = 3;
  StartServer(options);
  TestClient c(server_->port(), false, "127.0.0.3");
  std::vector<int> statuses;
  for (int i = 0; i < 5; ++i) {
    ASSERT_TRUE(c.Send(Post("x")));
    auto r = c.Read();
    ASSERT_TRUE(r);
    statuses.push_back(r->status);
  }
  EXPECT_EQ(statuses, (std::vector<int>{200, 200, 200, 429, 429}));
  ASSERT_TRUE(c.Send(Get("/hello")));  // reading is still within budget
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(EdgeLimitsTest, LenientHeadsGet400) {
  StartServer({});
  const std::string chunked_body = "\r\n\r\n1\r\nx\r\n0\r\n\r\n";
  const std::vector<std::string> bad = {
      "GET /hello HTTP/1.1\r\n\r\n",                                // no Host
      "GET /hello HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",          // two Hosts
      "GET /hello HTTP/1.1\r\nHost: test\r\nX-A: b\r\n c\r\n\r\n",  // folding
      "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked, identity" + chunked_body,
      "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: gzip" + chunked_body,
      "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: identity\r\n"
      "Transfer-Encoding: chunked" +
          chunked_body,
      "POST /echo HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\nContent-Length: 3" +
          chunked_body,
      "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 1\r\nTransfer-Encoding: chunked" +
          chunked_body,
      "POST /echo HTTP/1.1\r\nHost: test\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nxy",
  };
  for (const std::string& request : bad) {
    EXPECT_EQ(StatusFrom("127.0.0.1", request), 400) << request;
  }
  EXPECT_EQ(StatusFrom("127.0.0.1", "GET /hello HTTP/1.0\r\n\r\n"), 200);  // 1.0 has no Host
  const std::string good = "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked";
  EXPECT_EQ(StatusFrom("127.0.0.1", good + chunked_body), 200);
  EXPECT_NE(Metrics().find("warta_http_malformed_requests_total " + std::to_string(bad.size())),
            std::string::npos);
}

TEST_F(EdgeLimitsTest, SecurityHeadersOnEveryResponse) {
  ServerOptions options;
  options.response_headers = {{"X-Content-Type-Options", "nosniff"}, {"X-Frame-Options", "DENY"}};
  options.hsts = "max-age=63072000";
  options.trusted_proxies = {"127.0.0.9"};
  options.writes_per_minute = 1;
  StartServer(options);
  for (const std::string& request : {Get("/hello"), Get("/missing"),
                                     std::string("GET / HTTP/1.1\r\n\r\n"), Post("a"), Post("b")}) {
    TestClient c(server_->port(), false, "127.0.0.1");
    ASSERT_TRUE(c.Send(request));
    auto r = c.Read();
    ASSERT_TRUE(r) << request;
    EXPECT_EQ(r->Get("x-content-type-options"), "nosniff") << r->status;
    EXPECT_EQ(r->Get("x-frame-options"), "DENY") << r->status;
    EXPECT_FALSE(r->Has("strict-transport-security")) << "plain HTTP: no HSTS";
  }
  TestClient own(server_->port(), false, "127.0.0.1");
  ASSERT_TRUE(own.Send(Get("/own")));
  auto r = own.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Get("x-frame-options"), "SAMEORIGIN");  // the handler's own value wins
  TestClient proxy(server_->port(), false, "127.0.0.9");
  ASSERT_TRUE(proxy.Send(Get("/hello", "X-Forwarded-Proto: https\r\n")));
  r = proxy.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Get("strict-transport-security"), "max-age=63072000");
}

TEST_F(EdgeLimitsTest, ConnectionsPerAddressAreCapped) {
  ServerOptions options;
  options.max_connections_per_address = 3;
  StartServer(options);
  std::vector<std::unique_ptr<TestClient>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(std::make_unique<TestClient>(server_->port(), false, "127.0.0.4"));
    ASSERT_TRUE(held.back()->Send(Get("/hello")));
    ASSERT_TRUE(held.back()->Read());  // accepted and counted
  }
  EXPECT_EQ(StatusFrom("127.0.0.4", Get("/hello")), 503);
  EXPECT_EQ(StatusFrom("127.0.0.5", Get("/hello")), 200);
  held.pop_back();
  // The slot frees when the server sees the close.
  int status = 0;
  for (int i = 0; i < 50 && status != 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    status = StatusFrom("127.0.0.4", Get("/hello"));
  }
  EXPECT_EQ(status, 200);
  EXPECT_NE(Metrics().find("warta_http_connections_refused_total{cap=\"per_address\"} 1"),
            std::string::npos);
}

TEST_F(EdgeLimitsTest, IdleConnectionsAreShedForANewClient) {
  ServerOptions options;
  options.max_connections = 40;
  StartServer(options);
  std::vector<std::unique_ptr<TestClient>> idle;
  for (int i = 0; i < 120; ++i) {
    const std::string source = "127.0.1." + std::to_string(1 + i % 60);
    idle.push_back(std::make_unique<TestClient>(server_->port(), false, source.c_str()));
  }
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(StatusFrom("127.0.0.6", Get("/hello")), 200);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
  EXPECT_EQ(Metrics().find("warta_http_connections_shed_total 0\n"), std::string::npos);
}

}  // namespace
}  // namespace warta::http
