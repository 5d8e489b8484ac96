// The login lane (lane.h) inside the server: slow routes never hold an I/O thread, and a full
// lane answers 503 at once (issue 16, finding 1).
#include "http/server/lane.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "http/server/router_server_fixture.h"
#include "http/server/test_client.h"

namespace warta::http {
namespace {

using Clock = std::chrono::steady_clock;
using testing::Get;
using testing::TestClient;

std::string PostTo(std::string_view path) {
  return "POST " + std::string(path) + " HTTP/1.1\r\nHost: test\r\nContent-Length: 0\r\n\r\n";
}

class LaneServerTest : public testing::RouterServerFixture {
 protected:
  void SetUp() override {
    router_.Add(Method::kPost, "/login", "login", [this](const Request&, const RouteParams&) {
      running_.fetch_add(1);
      std::this_thread::sleep_for(std::chrono::milliseconds(400));  // a password hash
      running_.fetch_sub(1);
      return TextResponse(200, "logged in");
    });
    router_.Add(Method::kGet, "/healthz", "healthz",
                [](const Request&, const RouteParams&) { return TextResponse(200, "ok"); });
    ServerOptions options;
    options.threads = 1;  // one I/O thread: a hash on it would stall everything
    LaneOptions login;
    login.paths = {"/login"};
    login.threads = 1;
    login.queue = 1;
    login.refused_metric = "warta_http_lane_refused_total";
    options.lanes = {login};
    StartRouterServer(options);
  }

  std::atomic<int> running_{0};
};

TEST_F(LaneServerTest, SlowRoutesLeaveTheIoThreadFreeAndAFullLaneAnswers503AtOnce) {
  TestClient first(server_->port());
  ASSERT_TRUE(first.Send(PostTo("/login")));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // running on the lane
  EXPECT_EQ(running_.load(), 1);
  TestClient second(server_->port());
  ASSERT_TRUE(second.Send(PostTo("/login")));  // waits in the queue
  std::this_thread::sleep_for(std::chrono::milliseconds(50));

  const auto start = Clock::now();
  TestClient third(server_->port());
  ASSERT_TRUE(third.Send(PostTo("/login")));
  auto refused = third.Read();
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->Get("retry-after"), "5");
  TestClient health(server_->port());
  ASSERT_TRUE(health.Send(Get("/healthz")));
  auto ok = health.Read();
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->body, "ok");
  // Both answered while the lane was still busy with the first login.
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(200));

  EXPECT_EQ(first.Read()->body, "logged in");
  EXPECT_EQ(second.Read()->body, "logged in");
  EXPECT_NE(registry_.Render().find("warta_http_lane_refused_total 1"), std::string::npos);
}

TEST(LaneTest, PathPatterns) {
  using server::LanePathMatches;
  EXPECT_TRUE(LanePathMatches("/login", "/login"));
  EXPECT_FALSE(LanePathMatches("/login", "/login/"));
  EXPECT_FALSE(LanePathMatches("/login", "/logi"));
  EXPECT_TRUE(LanePathMatches("/reset/", "/reset/abc/def"));
  EXPECT_TRUE(LanePathMatches("/reset/", "/reset/"));
  EXPECT_FALSE(LanePathMatches("/reset/", "/reset"));
  EXPECT_TRUE(LanePathMatches("/a/*/like", "/a/42/like"));
  EXPECT_FALSE(LanePathMatches("/a/*/like", "/a//like"));
  EXPECT_FALSE(LanePathMatches("/a/*/like", "/a/4/2/like"));
  EXPECT_FALSE(LanePathMatches("/a/*/like", "/a/42/like/x"));
  EXPECT_FALSE(LanePathMatches("/a/*/like", "/a/42/likes"));
  EXPECT_TRUE(LanePathMatches("/a/*", "/a/42"));
  EXPECT_FALSE(LanePathMatches("/a/*", "/a/"));
}

TEST(LaneTest, StopRunsWhatIsQueuedAndThenRefuses) {
  std::atomic<int> ran{0};
  server::Lane lane(1, 4);
  for (int i = 0; i < 3; ++i) {
    std::function<void()> task = [&ran] {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      ran.fetch_add(1);
    };
    ASSERT_TRUE(lane.Submit(task));
  }
  lane.Stop();
  EXPECT_EQ(ran.load(), 3);
  std::function<void()> late = [&ran] { ran.fetch_add(1); };
  EXPECT_FALSE(lane.Submit(late));
  EXPECT_TRUE(late);  // untouched: the caller answers instead
}

}  // namespace
}  // namespace warta::http
