#include "http/server/request_log.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

namespace warta::http::server {
namespace {

TEST(AccessLogTest, EscapesAndTruncatesTheTarget) {
  std::ostringstream out;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
  spdlog::logger logger("test", sink);
  logger.set_pattern("%v");
  LogAccess(logger, AccessEntry{"192.0.2.1", "GET", "/a\"b\x01\n", 200, 1234, 0.0125});
  EXPECT_EQ(out.str(), "192.0.2.1 \"GET /a\\x22b\\x01\\x0a\" 200 1234 12.500ms\n");
  out.str("");
  LogAccess(logger, AccessEntry{"::1", "GET", std::string(500, 'x'), 404, 0, 0});
  EXPECT_EQ(out.str(), "::1 \"GET " + std::string(200, 'x') + "...\" 404 0 0.000ms\n");
}

TEST(RequestMetricsTest, CachesSeriesPerRouteAndStatus) {
  metrics::Registry registry;
  RequestMetrics m(&registry);
  m.Record("home", 200, 0.001);
  m.Record("home", 200, 0.002);
  m.Record("home", 304, 0.001);
  m.Record(std::string("api"), 404, 0.001);
  std::string text = registry.Render();
  EXPECT_NE(text.find("warta_http_requests_total{route=\"home\",status=\"200\"} 2\n"),
            std::string::npos);
  EXPECT_NE(text.find("warta_http_requests_total{route=\"home\",status=\"304\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("warta_http_requests_total{route=\"api\",status=\"404\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("warta_http_request_duration_seconds_count{route=\"home\"} 3\n"),
            std::string::npos);
  RequestMetrics none(nullptr);
  none.Record("x", 200, 0);  // no registry: nothing to do, no crash
}

TEST(RequestMetricsTest, UnboundedRouteNamesCollapseToOther) {
  metrics::Registry registry;
  RequestMetrics m(&registry);
  for (int i = 0; i < 300; ++i) m.Record("r" + std::to_string(i), 200, 0);
  std::string text = registry.Render();
  EXPECT_NE(text.find("route=\"other\",status=\"200\"} 100\n"), std::string::npos);
  EXPECT_EQ(text.find("route=\"r250\""), std::string::npos);
}

TEST(RequestIdTest, SixteenHexDigitsAndUnique) {
  std::string a = NewRequestId();
  std::string b = NewRequestId();
  EXPECT_EQ(a.size(), 16u);
  EXPECT_NE(a, b);
  EXPECT_EQ(a.find_first_not_of("0123456789abcdef"), std::string::npos);
}

}  // namespace
}  // namespace warta::http::server
