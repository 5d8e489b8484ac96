// Bodies sent from a BodyFile (sendfile): whole, in order with the next response, after the
// client was slow to read, and a client leaving halfway does not hurt the server.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "http/server/router_server_fixture.h"
#include "http/server/test_client.h"

namespace warta::http {
namespace {

using testing::Get;
using testing::Gunzip;
using testing::TestClient;

// Several megabytes of text that still compresses to more than BodyFile::kMinBytes, so both
// representations go out from files and neither fits in the socket's buffers at once.
std::string Page() {
  std::string page;
  for (std::uint32_t i = 0; page.size() < 3 * 1024 * 1024; ++i) {
    page += "<p>entry " + std::to_string(i * 2654435761U) + " of the feed</p>\n";
  }
  return page;
}

class SendfileTest : public testing::RouterServerFixture {
 protected:
  void SetUp() override {
    page_ = std::make_shared<const std::string>(Page());
    gzip_ = std::make_shared<const std::string>(GzipOnce(*page_));
    page_file_ = BodyFile::Make(*page_);
    gzip_file_ = BodyFile::Make(*gzip_);
    ASSERT_NE(page_file_, nullptr);
    ASSERT_NE(gzip_file_, nullptr);
    router_.Add(Method::kGet, "/feed", "feed", [this](const Request&, const RouteParams&) {
      Response r;
      r.content_type = "application/rss+xml";
      r.shared_body = page_;
      r.shared_gzip_body = gzip_;
      r.shared_body_file = page_file_;
      r.shared_gzip_file = gzip_file_;
      return r;
    });
    router_.Add(Method::kGet, "/hello", "hello",
                [](const Request&, const RouteParams&) { return TextResponse(200, "hello"); });
    ServerOptions options;
    options.threads = 1;
    StartRouterServer(options);
  }

  std::shared_ptr<const std::string> page_, gzip_;
  std::shared_ptr<const BodyFile> page_file_, gzip_file_;
};

TEST_F(SendfileTest, BodiesArriveWholeAndTheConnectionGoesOn) {
  TestClient c(server_->port());
  ASSERT_TRUE(c.connected());
  // Pipelined: the head of each answer must follow the previous body exactly.
  ASSERT_TRUE(c.Send(Get("/feed") + Get("/feed", "Accept-Encoding: gzip\r\n") + Get("/hello")));
  // Read late, so the server meets a full socket buffer and has to wait to go on.
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto plain = c.Read();
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->status, 200);
  EXPECT_EQ(plain->Get("content-length"), std::to_string(page_->size()));
  EXPECT_TRUE(plain->body == *page_);
  auto gz = c.Read();
  ASSERT_TRUE(gz);
  EXPECT_EQ(gz->Get("content-encoding"), "gzip");
  EXPECT_EQ(gz->body.size(), gzip_->size());
  auto inflated = Gunzip(gz->body);
  ASSERT_TRUE(inflated);
  EXPECT_TRUE(*inflated == *page_);
  auto hello = c.Read();
  ASSERT_TRUE(hello);
  EXPECT_EQ(hello->body, "hello");
}

TEST_F(SendfileTest, HeadSendsNoBody) {
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send("HEAD /feed HTTP/1.1\r\nHost: t\r\n\r\n" + Get("/hello")));
  auto head = c.Read(/*head_request=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->Get("content-length"), std::to_string(page_->size()));
  auto hello = c.Read();
  ASSERT_TRUE(hello);
  EXPECT_EQ(hello->body, "hello");
}

TEST_F(SendfileTest, AClientLeavingHalfwayLeavesTheServerServing) {
  for (int i = 0; i < 6; ++i) {
    TestClient c(server_->port());
    ASSERT_TRUE(c.Send(Get("/feed")));
    // Closed at once (before the answer: the server's head goes out, the peer resets, the
    // sendfile after it fails with EPIPE, which would raise SIGPIPE and kill the process),
    // or halfway through the body, unread (ECONNRESET).
    if (i % 2 == 1) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  TestClient c(server_->port());
  ASSERT_TRUE(c.Send(Get("/feed")));
  auto r = c.Read();
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->body == *page_);
}

}  // namespace
}  // namespace warta::http
