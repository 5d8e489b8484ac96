#include "http/server/request_log.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <random>

namespace warta::http::server {
namespace {

// Beyond this many distinct route names, further ones are counted as "other" so a handler
// that puts unbounded text in Response::route cannot blow up the metrics.
constexpr std::size_t kMaxRoutes = 200;
constexpr std::size_t kMaxLoggedTarget = 200;

void AppendEscapedTarget(fmt::memory_buffer& out, std::string_view target) {
  bool cut = target.size() > kMaxLoggedTarget;
  if (cut) target = target.substr(0, kMaxLoggedTarget);
  for (char c : target) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f || c == '"' || c == '\\') {
      fmt::format_to(std::back_inserter(out), "\\x{:02x}", u);
    } else {
      out.push_back(c);
    }
  }
  if (cut) fmt::format_to(std::back_inserter(out), "...");
}

}  // namespace

RequestMetrics::RequestMetrics(metrics::Registry* registry) : registry_(registry) {}

RequestMetrics::RouteSeries& RequestMetrics::Series(std::string_view route) {
  auto it = routes_.find(route);
  if (it != routes_.end()) return it->second;
  if (routes_.size() >= kMaxRoutes) route = "other";
  it = routes_.find(route);
  if (it != routes_.end()) return it->second;
  RouteSeries series;
  series.label = std::string(route);
  series.duration =
      registry_->GetHistogram("warta_http_request_duration_seconds",
                              "Time from a complete request to its response written, by route.",
                              metrics::DefaultLatencyBounds(), {{"route", std::string(route)}});
  return routes_.emplace(std::string(route), std::move(series)).first->second;
}

void RequestMetrics::Record(std::string_view route, int status, double seconds) {
  if (registry_ == nullptr) return;
  RouteSeries& series = Series(route);
  series.duration->Observe(seconds);
  for (auto& [code, counter] : series.by_status) {
    if (code == status) {
      counter->Add();
      return;
    }
  }
  metrics::Counter* counter = registry_->GetCounter(
      "warta_http_requests_total", "HTTP requests answered, by route and status.",
      {{"route", series.label}, {"status", std::to_string(status)}});
  series.by_status.emplace_back(status, counter);
  counter->Add();
}

void LogAccess(spdlog::logger& logger, const AccessEntry& entry) {
  if (!logger.should_log(spdlog::level::info)) return;
  fmt::memory_buffer line;
  fmt::format_to(std::back_inserter(line), "{} \"{} ", entry.remote, entry.method);
  AppendEscapedTarget(line, entry.target);
  fmt::format_to(std::back_inserter(line), "\" {} {} {:.3f}ms", entry.status, entry.bytes,
                 entry.seconds * 1000.0);
  logger.log(spdlog::level::info, spdlog::string_view_t(line.data(), line.size()));
}

std::string NewRequestId() {
  // A per-process random seed mixed with a counter: unique within a run, different across runs.
  static const std::uint64_t kSeed = std::random_device()() * 0x9e3779b97f4a7c15ULL;
  static std::atomic<std::uint64_t> counter{0};
  std::uint64_t n = counter.fetch_add(1, std::memory_order_relaxed);
  return fmt::format("{:016x}", kSeed ^ (n * 0xbf58476d1ce4e5b9ULL));
}

}  // namespace warta::http::server
