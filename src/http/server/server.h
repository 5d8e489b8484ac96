// The HTTP/1.1 server (Boost.Beast). The only component that includes Beast or Asio; its
// header exposes none of their types.
//
// One I/O thread per core, each with its own io_context and its own SO_REUSEPORT acceptor,
// so connections never migrate between threads and nothing is shared on the hot path.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/limits.h"
#include "core/result.h"
#include "http/handler.h"
#include "metrics/metrics.h"

namespace warta::http {

// A route that takes bodies larger than ServerOptions::max_body_bytes: a file upload. Matched
// on the exact path (no query). Its Content-Length is checked against max_body_bytes as soon
// as the head has arrived, so an oversize upload gets 413 before its body is read (clients
// that send "Expect: 100-continue", like curl, never send it).
struct UploadRoute {
  std::string path;
  std::size_t max_body_bytes = 0;
  // The whole request must arrive within this (read_timeout is for ordinary requests).
  std::chrono::seconds read_timeout{120};
  // 413 and 503 answers are JSON {"error": …}; the 413 says this.
  std::string too_large_message = "the upload is too large";
};

// A lane: POST (and DELETE) routes whose handler blocks on purpose, on a small pool of
// threads of their own (server/lane.h): password hashing (~0.1 s each) or a durable write that
// waits for its group's sync to disk. When `queue` requests already wait, one more gets 503
// with Retry-After at once.
struct LaneOptions {
  // Paths: exact ("/api/v1/auth/login"), a prefix when they end in '/' ("/reset/"), and '*'
  // stands for one whole segment ("/api/v1/articles/*/like").
  std::vector<std::string> paths;
  int threads = 2;
  int queue = 16;
  std::string busy_message = "too many requests at once; try again in a few seconds";
  // The counter of refusals in /metrics; empty: none.
  std::string refused_metric;
};

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port (see Server::port())
  int threads = 0;            // 0: one per core
  std::size_t max_header_bytes = limits::kDefaultMaxHeaderBytes;  // larger: 431
  std::size_t max_body_bytes = limits::kDefaultMaxBodyBytes;      // larger: 413
  // A request must arrive within this from its first byte (slowloris); the first request
  // of a connection must also start within it.
  std::chrono::seconds read_timeout{limits::kDefaultReadTimeoutSeconds};
  // Keep-alive connections idle this long close; also bounds writing one response.
  std::chrono::seconds idle_timeout{limits::kDefaultIdleTimeoutSeconds};
  std::chrono::seconds drain_timeout{limits::kShutdownDrainSeconds};  // see Stop()
  std::vector<std::string> trusted_proxies;  // peers whose X-Forwarded-For/Proto we believe
  bool access_log = true;                    // one line per request through spdlog
  std::size_t gzip_min_bytes = 1024;         // smaller bodies are sent as they are
  std::vector<UploadRoute> upload_routes;
  // Bodies over max_body_bytes being received at once, in the whole server: they bound the
  // memory uploads hold (each up to its route's limit). One more gets 503 with Retry-After.
  int max_concurrent_uploads = 2;

  // Edge limits (docs/security.md). Budgets are per client address (after trusted-proxy
  // handling); 0 turns one off. Over budget: 429 with Retry-After.
  int requests_per_minute = 0;  // every request
  int writes_per_minute = 0;    // POST, PUT, PATCH, DELETE (on top of the request budget)
  std::size_t rate_limit_max_addresses = 100'000;  // per budget; bounds its memory
  // Open connections in total: 0 picks the file-descriptor limit less a reserve. Near it,
  // idle connections are shed (oldest first); at it, new ones are closed at once.
  int max_connections = 0;
  // Open connections from one peer address (trusted proxies exempt); 0: no cap.
  int max_connections_per_address = 0;
  // Added to every response (pages, API, errors, static files, refusals) unless the handler
  // set a header of the same name: Content-Security-Policy, X-Content-Type-Options, ...
  std::vector<std::pair<std::string, std::string>> response_headers;
  // Strict-Transport-Security, sent only on requests that came over TLS (X-Forwarded-Proto
  // https from a trusted proxy); empty: never.
  std::string hsts;
  // Routes whose handler blocks on purpose run on lanes of their own (server/lane.h), never
  // on the I/O threads. Empty: every handler runs on the I/O threads.
  std::vector<LaneOptions> lanes;
};

class Server {
 public:
  // Binds and listens; fails with a clear Io error ("address already in use") when the
  // port is taken. Does not start threads yet.
  static Result<std::unique_ptr<Server>> Create(ServerOptions options, Handler handler,
                                                metrics::Registry* registry);
  virtual ~Server() = default;

  // The bound port (useful with port 0).
  virtual std::uint16_t port() const = 0;
  // Starts the I/O threads and returns at once.
  virtual void Start() = 0;
  // Graceful stop: stop accepting, close keep-alive connections idle between requests, let
  // in-flight requests finish (their responses carry Connection: close) for up to
  // drain_timeout, then stop and join the I/O threads. Safe to call from any thread but an
  // I/O thread (a handler), and more than once; the destructor calls it.
  virtual void Stop() = 0;
};

}  // namespace warta::http
