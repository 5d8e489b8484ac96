#include "http/server/server.h"

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include <algorithm>
#include <csignal>
#include <mutex>
#include <thread>

#include "core/cpu_count.h"
#include "http/body_file.h"
#include "http/server/context.h"
#include "http/server/listen_socket.h"

namespace warta::http {
namespace {

class ServerImpl final : public Server {
 public:
  ServerImpl(std::unique_ptr<server::Context> context, std::uint16_t port)
      : context_(std::move(context)), port_(port) {}
  ~ServerImpl() override { Stop(); }

  std::uint16_t port() const override { return port_; }
  void Start() override;
  void Stop() override;

  std::vector<std::unique_ptr<server::Worker>> workers;

 private:
  std::unique_ptr<server::Context> context_;
  std::uint16_t port_;
  std::mutex mu_;
  bool started_ = false;
  bool stopped_ = false;
};

void ServerImpl::Start() {
  std::lock_guard lock(mu_);
  if (started_ || stopped_) return;
  started_ = true;
  // A client that closes while its body is sent with sendfile (http/body_file.h) would raise
  // SIGPIPE, which kills the process; send() calls pass MSG_NOSIGNAL, sendfile has no such
  // flag. The failed call's EPIPE closes the connection instead.
  std::signal(SIGPIPE, SIG_IGN);
  for (auto& w : workers) w->Start();
}

void ServerImpl::Stop() {
  std::lock_guard lock(mu_);
  if (stopped_) return;
  stopped_ = true;
  context_->stopping.store(true);
  if (started_) {
    for (auto& w : workers) w->BeginStop();
    auto deadline = std::chrono::steady_clock::now() + context_->options.drain_timeout;
    while (context_->open_sessions.load() > 0 && std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    int left = context_->open_sessions.load();
    if (left > 0) spdlog::warn("http: {} connections still open after the drain timeout", left);
  }
  // Before the I/O threads stop: the lane's last answers are posted to them.
  for (auto& lane : context_->lanes) lane->Stop();
  for (auto& w : workers) w->Join();
  workers.clear();
}

// Descriptors kept for everything that is not a client connection: listening sockets, the
// database, media files, feed fetches, logs, and the bodies sent with sendfile.
constexpr int kReservedDescriptors = 256 + BodyFile::kMaxOpen;

// Raises the soft descriptor limit to the hard one (a flood of connections must meet our
// connection cap, not EMFILE) and returns the soft limit in force.
long RaiseDescriptorLimit() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
  if (limit.rlim_cur < limit.rlim_max) {
    rlimit raised = limit;
    raised.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
  }
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur > (1L << 30)) return 1L << 30;
  return static_cast<long>(limit.rlim_cur);
}

int EffectiveMaxConnections(int configured) {
  const long descriptors = RaiseDescriptorLimit();
  const long room =
      std::max(16L, descriptors - std::min(descriptors / 2, long{kReservedDescriptors}));
  if (configured <= 0) return static_cast<int>(std::min(room, long{1} << 20));
  if (configured > room) {
    spdlog::warn("http: server.max_connections {} is over what {} file descriptors allow; using {}",
                 configured, descriptors, room);
    return static_cast<int>(room);
  }
  return configured;
}

void SetUpLimits(server::Context& ctx, metrics::Registry* registry) {
  const ServerOptions& o = ctx.options;
  ctx.max_connections = EffectiveMaxConnections(o.max_connections);
  if (o.requests_per_minute > 0) {
    ctx.request_limiter =
        std::make_unique<server::RateLimiter>(o.requests_per_minute, o.rate_limit_max_addresses);
  }
  if (o.writes_per_minute > 0) {
    ctx.write_limiter =
        std::make_unique<server::RateLimiter>(o.writes_per_minute, o.rate_limit_max_addresses);
  }
  if (!registry) return;
  const std::string_view limited = "Requests refused with 429 by a per-address budget.";
  ctx.limited_requests =
      registry->GetCounter("warta_http_rate_limited_total", limited, {{"budget", "requests"}});
  ctx.limited_writes =
      registry->GetCounter("warta_http_rate_limited_total", limited, {{"budget", "writes"}});
  const std::string_view refused = "Connections closed at once because a cap was reached.";
  ctx.refused_per_address = registry->GetCounter("warta_http_connections_refused_total", refused,
                                                 {{"cap", "per_address"}});
  ctx.refused_total =
      registry->GetCounter("warta_http_connections_refused_total", refused, {{"cap", "total"}});
  ctx.connections_shed = registry->GetCounter(
      "warta_http_connections_shed_total",
      "Idle connections closed to make room when the total connection cap neared.");
  ctx.malformed_heads = registry->GetCounter(
      "warta_http_malformed_requests_total",
      "Request heads refused with 400 (strict parsing: folding, framing, Host).");
  const std::string_view limit_help = "A configured edge limit (0: off); see docs/security.md.";
  auto set_limit = [&](const char* name, double value) {
    registry->GetGauge("warta_http_limit", limit_help, {{"limit", name}})
        ->Set(static_cast<std::int64_t>(value));
  };
  set_limit("requests_per_minute", o.requests_per_minute);
  set_limit("writes_per_minute", o.writes_per_minute);
  set_limit("max_connections", ctx.max_connections);
  set_limit("max_connections_per_address", o.max_connections_per_address);
}

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options, Handler handler,
                                               metrics::Registry* registry) {
  int threads = options.threads > 0 ? options.threads : UsableCpus();
  WARTA_ASSIGN_OR_RETURN(server::TrustedProxies proxies,
                         server::TrustedProxies::Parse(options.trusted_proxies));
  WARTA_ASSIGN_OR_RETURN(server::ListenSockets sockets,
                         server::Listen(options.host, options.port, threads));

  auto context = std::make_unique<server::Context>();
  context->options = std::move(options);
  context->handler = std::move(handler);
  context->proxies = std::move(proxies);
  context->registry = registry;
  if (registry) {
    context->connections_open =
        registry->GetGauge("warta_http_connections_open", "Open client connections.");
  }
  SetUpLimits(*context, registry);
  for (const LaneOptions& lane : context->options.lanes) {
    context->lanes.push_back(
        std::make_unique<server::Lane>(lane.threads, static_cast<std::size_t>(lane.queue)));
    context->lanes_refused.push_back(
        registry && !lane.refused_metric.empty()
            ? registry->GetCounter(lane.refused_metric,
                                   "Requests refused because their lane's queue was full.")
            : nullptr);
  }
  if (context->options.access_log) {
    context->access_logger = spdlog::get("access");
    if (!context->access_logger) context->access_logger = spdlog::default_logger();
  }
  server::Context& ctx = *context;
  const std::string address = server::DescribeAddress(ctx.options.host, sockets.port);
  auto server = std::make_unique<ServerImpl>(std::move(context), sockets.port);
  for (auto& fd : sockets.fds) {
    WARTA_ASSIGN_OR_RETURN(auto worker,
                           server::Worker::Create(ctx, fd.Release(), sockets.family, address));
    server->workers.push_back(std::move(worker));
  }
  return std::unique_ptr<Server>(std::move(server));
}

}  // namespace warta::http
