#include "http/server/server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "http/router/router.h"
#include "http/server/router_server_fixture.h"
#include "http/server/test_client.h"

namespace warta::http {
namespace {

using testing::Get;
using testing::Gunzip;
using testing::TestClient;

std::string BigBody() {
  std::string body;
  for (int i = 0; body.size() < 5000; ++i) body += "line " + std::to_string(i) + " of the page\n";
  return body;
}

Router MakeRouter() {
  Router router;
  router.Add(Method::kGet, "/hello", "hello", [](const Request& r, const RouteParams&) {
    return TextResponse(200, "hello " + r.QueryParam("name"));
  });
  router.Add(Method::kGet, "/big", "big", [](const Request&, const RouteParams&) {
    Response r = TextResponse(200, BigBody());
    r.SetHeader("ETag", "\"v1\"");
    r.SetHeader("Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT");
    return r;
  });
  router.Add(Method::kGet, "/throw", "throw", [](const Request&, const RouteParams&) -> Response {
    throw std::runtime_error("boom");
  });
  router.Add(Method::kGet, "/slow", "slow", [](const Request&, const RouteParams&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(600));
    return TextResponse(200, "slow done");
  });
  router.Add(Method::kPost, "/echo", "echo", [](const Request& r, const RouteParams&) {
    return TextResponse(200, std::string(r.body));
  });
  router.Add(Method::kPost, "/upload", "upload", [](const Request& r, const RouteParams&) {
    return TextResponse(200, std::to_string(r.body.size()));
  });
  router.Add(Method::kGet, "/whoami", "whoami", [](const Request& r, const RouteParams&) {
    return TextResponse(200, r.remote_address + (r.secure ? " https" : " http"));
  });
  return router;
}

class ServerTest : public testing::RouterServerFixture {
 protected:
  void StartServer(ServerOptions options = {}) {
    options.threads = options.threads == 0 ? 2 : options.threads;
    options.read_timeout = std::chrono::seconds(1);
    router_ = MakeRouter();
    StartRouterServer(options);
  }
};

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(c.connected());
  ASSERT_TRUE(c.Send(Get("/hello?name=a")));
  auto r1 = c.Read();
  ASSERT_TRUE(r1);
  EXPECT_EQ(r1->status, 200);
  EXPECT_EQ(r1->body, "hello a");
  EXPECT_EQ(r1->Get("content-type"), "text/plain; charset=utf-8");
  EXPECT_FALSE(r1->Has("connection"));
  EXPECT_TRUE(r1->Has("date"));
  ASSERT_TRUE(c.Send(Get("/hello?name=b")));
  auto r2 = c.Read();
  ASSERT_TRUE(r2);
  EXPECT_EQ(r2->body, "hello b");
}

TEST_F(ServerTest, PipelinedRequestsAnswerInOrder) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send(Get("/hello?name=1") + Get("/nope") + Get("/hello?name=3")));
  auto r1 = c.Read();
  auto r2 = c.Read();
  auto r3 = c.Read();
  ASSERT_TRUE(r1 && r2 && r3);
  EXPECT_EQ(r1->body, "hello 1");
  EXPECT_EQ(r2->status, 404);
  EXPECT_EQ(r3->body, "hello 3");
}

TEST_F(ServerTest, HugeHeaderGets431AndClose) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(
      c.Send("GET /hello HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100000, 'a') + "\r\n\r\n"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 431);
  EXPECT_EQ(r->Get("connection"), "close");
  EXPECT_TRUE(c.ClosedByPeer());
}

TEST_F(ServerTest, HugeBodyGets413) {
  StartServer();
  TestClient c(server_->port());
  std::string body(2 * 1024 * 1024, 'x');
  ASSERT_TRUE(c.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                     std::to_string(body.size()) + "\r\n\r\n" + body));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_TRUE(c.ClosedByPeer());
}

ServerOptions WithUploadRoute(std::size_t max_bytes, int concurrent = 2) {
  ServerOptions options;
  UploadRoute route;
  route.path = "/upload";
  route.max_body_bytes = max_bytes;
  route.too_large_message = "the file is larger than 3 MB";
  options.upload_routes.push_back(route);
  options.max_concurrent_uploads = concurrent;
  return options;
}

std::string Post(std::string_view path, std::size_t length, std::string_view extra = "") {
  return "POST " + std::string(path) +
         " HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(length) + "\r\n" +
         std::string(extra) + "\r\n";
}

TEST_F(ServerTest, AnUploadRouteTakesItsLargerBodies) {
  StartServer(WithUploadRoute(3 << 20));
  TestClient c(server_->port());
  const std::string body(2 << 20, 'x');  // over max_body_bytes (1 MiB), within the route's
  ASSERT_TRUE(c.Send(Post("/upload?x=1", body.size()) + body));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, std::to_string(body.size()));
  // Other routes keep the ordinary limit.
  ASSERT_TRUE(c.Send(Post("/echo", body.size()) + body));
  r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, AnOversizeUploadGets413BeforeItsBodyIsSent) {
  StartServer(WithUploadRoute(3 << 20));
  TestClient c(server_->port());
  // curl's way: the head with Expect: 100-continue, then it waits for an answer.
  ASSERT_TRUE(c.Send(Post("/upload", std::size_t{30} << 20, "Expect: 100-continue\r\n")));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  EXPECT_EQ(r->Get("content-type"), "application/json");
  EXPECT_EQ(r->body, "{\"error\": \"the file is larger than 3 MB\"}");
  EXPECT_TRUE(c.ClosedByPeer());
}

TEST_F(ServerTest, AChunkedUploadIsCutAtItsLimit) {
  StartServer(WithUploadRoute(64 << 10));
  TestClient c(server_->port());
  const std::string chunk(32 << 10, 'x');
  std::string request = "POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  char size[16];
  std::snprintf(size, sizeof size, "%zx\r\n", chunk.size());
  for (int i = 0; i < 3; ++i) request += size + chunk + "\r\n";
  request += "0\r\n\r\n";
  c.Send(request);
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
}

TEST_F(ServerTest, UploadsAtOnceAreBounded) {
  StartServer(WithUploadRoute(3 << 20, /*concurrent=*/1));
  TestClient first(server_->port());
  ASSERT_TRUE(first.Send(Post("/upload", 2 << 20) + "only the start of the body"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // its head has been read
  TestClient second(server_->port());
  ASSERT_TRUE(second.Send(Post("/upload", 2 << 20)));
  auto busy = second.Read();
  ASSERT_TRUE(busy);
  EXPECT_EQ(busy->status, 503);
  EXPECT_EQ(busy->Get("retry-after"), "5");
  EXPECT_EQ(busy->body, "{\"error\": \"too many uploads at once; try again in a few seconds\"}");
  // A small body on the same route needs no slot; the first upload, once whole, is served.
  TestClient small(server_->port());
  ASSERT_TRUE(small.Send(Post("/upload", 5) + "12345"));
  EXPECT_EQ(small.Read()->body, "5");
  ASSERT_TRUE(first.Send(std::string((2 << 20) - 26, 'x')));
  auto done = first.Read();
  ASSERT_TRUE(done);
  EXPECT_EQ(done->body, std::to_string(2 << 20));
  // Its slot is free again.
  TestClient third(server_->port());
  const std::string body(2 << 20, 'y');
  ASSERT_TRUE(third.Send(Post("/upload", body.size()) + body));
  EXPECT_EQ(third.Read()->status, 200);
}

TEST_F(ServerTest, GarbageGets400AndTheServerKeepsServing) {
  StartServer();
  {
    TestClient c(server_->port());
    ASSERT_TRUE(c.Send("THIS IS NOT HTTP\r\n\r\n"));
    auto r = c.Read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 400);
  }
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send(Get("/hello")));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServerTest, PostBodyAndExpectContinue) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "hello");
  ASSERT_TRUE(c.Send(
      "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 3\r\n\r\n"));
  auto cont = c.Read();
  ASSERT_TRUE(cont);
  EXPECT_EQ(cont->status, 100);
  ASSERT_TRUE(c.Send("abc"));
  r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "abc");
}

TEST_F(ServerTest, GzipOnlyWhenAccepted) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send(Get("/big", "Accept-Encoding: deflate, gzip;q=0.8\r\n")));
  auto gz = c.Read();
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->Get("content-encoding"), "gzip");
  EXPECT_EQ(gz->Get("vary"), "Accept-Encoding");
  EXPECT_EQ(gz->Get("etag"), "W/\"v1\"");
  EXPECT_LT(gz->body.size(), BigBody().size());
  EXPECT_EQ(Gunzip(gz->body), BigBody());

  for (std::string refuse : {"", "Accept-Encoding: gzip;q=0\r\n", "Accept-Encoding: br\r\n"}) {
    ASSERT_TRUE(c.Send(Get("/big", refuse)));
    auto plain = c.Read();
    ASSERT_TRUE(plain);
    EXPECT_FALSE(plain->Has("content-encoding")) << refuse;
    EXPECT_EQ(plain->Get("vary"), "Accept-Encoding");
    EXPECT_EQ(plain->body, BigBody());
  }
  // Small bodies are not worth compressing.
  ASSERT_TRUE(c.Send(Get("/hello", "Accept-Encoding: gzip\r\n")));
  auto small = c.Read();
  ASSERT_TRUE(small);
  EXPECT_FALSE(small->Has("content-encoding"));
  EXPECT_EQ(small->body, "hello ");
}

TEST_F(ServerTest, HeadSendsTheLengthOfWhatGetWouldSend) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send("HEAD /big HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto r = c.Read(/*head_request=*/true);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->Get("content-length"), std::to_string(BigBody().size()));
  ASSERT_TRUE(c.Send("HEAD /big HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n"));
  auto gz_head = c.Read(true);
  ASSERT_TRUE(c.Send(Get("/big", "Accept-Encoding: gzip\r\n")));
  auto gz = c.Read();
  ASSERT_TRUE(gz_head && gz);
  EXPECT_EQ(gz_head->Get("content-length"), std::to_string(gz->body.size()));
  EXPECT_TRUE(c.pending().empty());  // no body bytes were sent for the HEADs
}

TEST_F(ServerTest, ConditionalRequestsGet304) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send(Get("/big", "If-None-Match: \"other\", W/\"v1\"\r\n")));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 304);
  EXPECT_EQ(r->Get("etag"), "\"v1\"");
  EXPECT_FALSE(r->Has("content-length"));
  ASSERT_TRUE(c.Send(Get("/big", "If-Modified-Since: Sun, 06 Nov 1994 08:49:37 GMT\r\n")));
  r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 304);
  ASSERT_TRUE(c.Send(Get("/big", "If-None-Match: \"v0\"\r\n")));
  r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, BigBody());
  ASSERT_TRUE(c.Send(Get("/big", "If-Modified-Since: Sat, 05 Nov 1994 08:49:37 GMT\r\n")));
  r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServerTest, ThrowingHandlerGets500AndServingGoesOn) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send(Get("/throw")));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 500);
  EXPECT_EQ(r->Get("x-request-id").size(), 16u);
  EXPECT_NE(r->body.find(r->Get("x-request-id")), std::string::npos);
  EXPECT_EQ(r->body.find("boom"), std::string::npos);  // details stay in the log
  ASSERT_TRUE(c.Send(Get("/hello")));
  r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServerTest, ReadTimeoutClosesASlowClient) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send("GET /hello HTTP/1.1\r\nHost: x\r\n"));  // never finished
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(c.ClosedByPeer(4000));
  auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, std::chrono::milliseconds(800));
  EXPECT_LT(waited, std::chrono::milliseconds(3000));
}

TEST_F(ServerTest, Http10ClosesUnlessKeepAliveAsked) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send("GET /hello HTTP/1.0\r\n\r\n"));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Get("connection"), "close");
  EXPECT_TRUE(c.ClosedByPeer());
  TestClient k(server_->port());
  ASSERT_TRUE(k.Send("GET /hello HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
  r = k.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->Get("connection"), "keep-alive");
  ASSERT_TRUE(k.Send("GET /hello HTTP/1.0\r\n\r\n"));
  EXPECT_TRUE(k.Read());
}

TEST_F(ServerTest, MetricsCountRequestsByRouteAndStatus) {
  StartServer();
  {
    TestClient c(server_->port());
    for (const char* path : {"/hello", "/hello", "/nope", "/throw"}) {
      ASSERT_TRUE(c.Send(Get(path)));
      ASSERT_TRUE(c.Read());
    }
    std::string text = registry_.Render();
    EXPECT_NE(text.find("warta_http_requests_total{route=\"hello\",status=\"200\"} 2\n"),
              std::string::npos)
        << text;
    EXPECT_NE(text.find("warta_http_requests_total{route=\"not_found\",status=\"404\"} 1\n"),
              std::string::npos);
    EXPECT_NE(text.find("warta_http_requests_total{route=\"error\",status=\"500\"} 1\n"),
              std::string::npos);
    EXPECT_NE(text.find("warta_http_request_duration_seconds_count{route=\"hello\"} 2\n"),
              std::string::npos);
    EXPECT_NE(text.find("warta_http_connections_open 1\n"), std::string::npos) << text;
  }
  // The client is gone: the gauge comes back to 0 once the server sees the close.
  bool closed = false;
  for (int i = 0; i < 100 && !closed; ++i) {
    closed = registry_.Render().find("warta_http_connections_open 0\n") != std::string::npos;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_TRUE(closed);
}

TEST_F(ServerTest, ForwardedHeadersOnlyFromTrustedProxies) {
  StartServer();
  TestClient c(server_->port());
  ASSERT_TRUE(
      c.Send(Get("/whoami", "X-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: https\r\n")));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "127.0.0.1 http");
  server_->Stop();

  ServerOptions options;
  options.trusted_proxies = {"127.0.0.0/8"};
  StartServer(options);
  TestClient t(server_->port());
  ASSERT_TRUE(t.Send(Get("/whoami",
                         "X-Forwarded-For: 198.51.100.1, 203.0.113.9, 127.0.0.2\r\n"
                         "X-Forwarded-Proto: https\r\n")));
  r = t.Read();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->body, "203.0.113.9 https");  // the client-supplied first entry is not believed
}

TEST(ServerCreateTest, PortInUseIsACleanError) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
  ASSERT_EQ(::listen(fd, 1), 0);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  std::uint16_t port = ntohs(a.sin_port);
  for (int threads : {1, 2}) {
    ServerOptions options;
    options.port = port;
    options.threads = threads;
    auto created = Server::Create(
        options, [](const Request&) { return Response(); }, nullptr);
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::kIo);
    EXPECT_EQ(created.error().message, "http: cannot listen on 127.0.0.1:" + std::to_string(port) +
                                           ": address already in use");
  }
  ::close(fd);
}

TEST(ServerCreateTest, BadTrustedProxyIsRejected) {
  ServerOptions options;
  options.port = 0;
  options.trusted_proxies = {"10.0.0.0/33"};
  auto created = Server::Create(
      options, [](const Request&) { return Response(); }, nullptr);
  ASSERT_FALSE(created.ok());
  EXPECT_EQ(created.error().code, ErrorCode::kInvalidArgument);
}

TEST(ServerCreateTest, ListensOnIpv6AndLocalhostWithoutARegistry) {
  for (std::string host : {"::1", "[::1]", "localhost"}) {
    ServerOptions options;
    options.host = host;
    options.port = 0;
    options.threads = 3;
    options.access_log = false;
    auto created = Server::Create(
        options, [](const Request&) { return TextResponse(200, "ok"); }, nullptr);
    if (!created.ok() && host != "localhost") {
      GTEST_SKIP() << "no IPv6 loopback here: " << created.error().message;
    }
    ASSERT_TRUE(created.ok()) << created.error().message;
    (*created)->Start();
    TestClient c((*created)->port(), host != "localhost");
    ASSERT_TRUE(c.connected()) << host;
    ASSERT_TRUE(c.Send(Get("/")));
    auto r = c.Read();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, "ok");
  }  // the destructor stops the server
}

}  // namespace
}  // namespace warta::http
