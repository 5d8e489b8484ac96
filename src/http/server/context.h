// What every I/O thread shares: read-only options and the handler, plus the few atomics
// that Stop() and the sessions use to agree on shutdown.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "http/handler.h"
#include "http/server/address_limits.h"
#include "http/server/lane.h"
#include "http/server/proxy.h"
#include "http/server/server.h"
#include "metrics/metrics.h"

namespace spdlog {
class logger;
}

namespace warta::http::server {

struct Context {
  ServerOptions options;
  Handler handler;
  TrustedProxies proxies;
  metrics::Registry* registry = nullptr;          // may be null
  metrics::Gauge* connections_open = nullptr;     // null without a registry
  std::shared_ptr<spdlog::logger> access_logger;  // null when options.access_log is off
  std::atomic<bool> stopping{false};              // set once by Stop()
  std::atomic<int> open_sessions{0};              // Stop() waits for this to reach 0
  std::atomic<int> uploads_reading{0};            // bodies over max_body_bytes being read

  // Edge limits (server.h ServerOptions); null limiters are off.
  std::unique_ptr<RateLimiter> request_limiter;
  std::unique_ptr<RateLimiter> write_limiter;
  ConnectionCounter connections_by_address;
  int max_connections = 0;  // effective total cap (ServerOptions or the descriptor limit)
  // Counters; each null without a registry.
  metrics::Counter* limited_requests = nullptr;
  metrics::Counter* limited_writes = nullptr;
  metrics::Counter* refused_per_address = nullptr;
  metrics::Counter* refused_total = nullptr;
  metrics::Counter* connections_shed = nullptr;
  metrics::Counter* malformed_heads = nullptr;
  // One per options.lanes, in that order; each refusal counter null without a registry or
  // a metric name.
  std::vector<std::unique_ptr<Lane>> lanes;
  std::vector<metrics::Counter*> lanes_refused;
};

// One I/O thread: its own io_context, its own acceptor (SO_REUSEPORT) and its sessions.
// The interface hides Asio so only worker.cpp compiles Beast.
class Worker {
 public:
  // Takes ownership of listen_fd (a listening socket of the given address family), and
  // closes it when it cannot be used. Fails with kIo "http: cannot listen on <address>: ..."
  // when the acceptor cannot adopt it (not an open descriptor, no room in epoll): a worker
  // never starts without a working acceptor.
  static Result<std::unique_ptr<Worker>> Create(Context& context, int listen_fd, int family,
                                                const std::string& address);
  virtual ~Worker() = default;

  virtual void Start() = 0;  // runs the io_context on a new thread
  // Thread-safe: stops accepting and closes connections idle between requests; sessions
  // in the middle of a request finish it (answering with Connection: close).
  virtual void BeginStop() = 0;
  // Stops the io_context, joins the thread and closes whatever is left.
  virtual void Join() = 0;
};

}  // namespace warta::http::server
