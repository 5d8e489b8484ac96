// Per-request bookkeeping on the I/O threads: metrics series and the access log line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "metrics/metrics.h"

namespace spdlog {
class logger;
}

namespace warta::http::server {

// One per I/O thread, so the hot path never takes the registry's lock: the series for a
// (route, status) pair are looked up once per thread and then found in this cache.
class RequestMetrics {
 public:
  explicit RequestMetrics(metrics::Registry* registry);
  void Record(std::string_view route, int status, double seconds);

 private:
  struct RouteSeries {
    std::string label;  // the route, or "other" past the cap
    metrics::Histogram* duration = nullptr;
    std::vector<std::pair<int, metrics::Counter*>> by_status;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  RouteSeries& Series(std::string_view route);

  metrics::Registry* registry_;
  std::unordered_map<std::string, RouteSeries, Hash, std::equal_to<>> routes_;
};

struct AccessEntry {
  std::string_view remote;
  std::string_view method;
  std::string_view target;
  int status = 0;
  std::size_t bytes = 0;
  double seconds = 0;
};

// Writes one info line: remote "METHOD target" status bytes duration-ms. The target is cut
// to 200 bytes and control characters, quotes and backslashes are escaped, so a request
// cannot forge log lines.
void LogAccess(spdlog::logger& logger, const AccessEntry& entry);

// A 16-hex-digit id for a failed request, shown to the client and written to the log.
std::string NewRequestId();

}  // namespace warta::http::server
