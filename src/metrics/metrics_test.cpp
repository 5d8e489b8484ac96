#include "metrics/metrics.h"

#include <gtest/gtest.h>

#include <thread>

namespace warta::metrics {
namespace {

TEST(MetricsTest, RenderSmallRegistryExactly) {
  Registry registry;
  registry.GetCounter("app_requests_total", "Requests served.", {{"route", "home"}})->Add(3);
  registry.GetCounter("app_requests_total", "Requests served.", {{"route", "a\"b\\c\nd"}})->Add();
  registry.GetGauge("app_open", "Open things.\nSecond line \\ here.")->Set(-2);
  Histogram* h = registry.GetHistogram("app_latency_seconds", "Latency.", {0.1, 1});
  h->Observe(0.05);
  h->Observe(0.1);  // le is inclusive
  h->Observe(0.5);
  h->Observe(7);
  registry.AddCallbackGauge("app_pending", "Pending items.", [] { return 2.5; });

  EXPECT_EQ(registry.Render(),
            "# HELP app_latency_seconds Latency.\n"
            "# TYPE app_latency_seconds histogram\n"
            "app_latency_seconds_bucket{le=\"0.1\"} 2\n"
            "app_latency_seconds_bucket{le=\"1\"} 3\n"
            "app_latency_seconds_bucket{le=\"+Inf\"} 4\n"
            "app_latency_seconds_sum 7.65\n"
            "app_latency_seconds_count 4\n"
            "# HELP app_open Open things.\\nSecond line \\\\ here.\n"
            "# TYPE app_open gauge\n"
            "app_open -2\n"
            "# HELP app_pending Pending items.\n"
            "# TYPE app_pending gauge\n"
            "app_pending 2.5\n"
            "# HELP app_requests_total Requests served.\n"
            "# TYPE app_requests_total counter\n"
            "app_requests_total{route=\"home\"} 3\n"
            "app_requests_total{route=\"a\\\"b\\\\c\\nd\"} 1\n");
}

TEST(MetricsTest, SameNameAndLabelsGiveTheSameSeries) {
  Registry registry;
  Counter* a = registry.GetCounter("x_total", "X.", {{"k", "1"}});
  Counter* b = registry.GetCounter("x_total", "X.", {{"k", "1"}});
  Counter* c = registry.GetCounter("x_total", "X.", {{"k", "2"}});
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

TEST(MetricsTest, TypeMismatchStillGivesAUsableUnrenderedSeries) {
  Registry registry;
  registry.GetCounter("y", "Y.")->Add(1);
  Gauge* g = registry.GetGauge("y", "Y.");
  ASSERT_NE(g, nullptr);
  g->Set(5);
  EXPECT_EQ(registry.Render(), "# HELP y Y.\n# TYPE y counter\ny 1\n");
}

TEST(MetricsTest, HistogramBucketsAndLabels) {
  Registry registry;
  Histogram* h = registry.GetHistogram("d_seconds", "D.", {1, 0.5, 1}, {{"route", "r"}});
  EXPECT_EQ(h->bounds(), (std::vector<double>{0.5, 1}));
  h->Observe(2);
  h->Observe(-1);
  EXPECT_EQ(h->bucket(0), 1u);
  EXPECT_EQ(h->bucket(2), 1u);
  EXPECT_EQ(h->count(), 2u);
  EXPECT_DOUBLE_EQ(h->sum(), 1.0);
  std::string text = registry.Render();
  EXPECT_NE(text.find("d_seconds_bucket{route=\"r\",le=\"0.5\"} 1\n"), std::string::npos) << text;
  EXPECT_NE(text.find("d_seconds_count{route=\"r\"} 2\n"), std::string::npos) << text;
}

TEST(MetricsTest, CountersAreExactUnderConcurrency) {
  Registry registry;
  Counter* c = registry.GetCounter("c_total", "C.");
  Histogram* h = registry.GetHistogram("h_seconds", "H.", DefaultLatencyBounds());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100000; ++i) {
        c->Add();
        h->Observe(0.001);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(c->value(), 400000u);
  EXPECT_EQ(h->count(), 400000u);
  EXPECT_NEAR(h->sum(), 400.0, 1e-6);
}

TEST(MetricsTest, CallbackMayUseTheRegistry) {
  Registry registry;
  registry.AddCallbackGauge("cb", "Cb.", [&registry] {
    return static_cast<double>(registry.GetCounter("inner_total", "I.")->value());
  });
  std::string text = registry.Render();
  EXPECT_NE(text.find("cb 0\n"), std::string::npos) << text;
}

}  // namespace
}  // namespace warta::metrics
