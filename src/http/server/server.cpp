#include "http/server/server.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <mutex>
#include <thread>

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
  if (context_->lane) context_->lane->Stop();
  for (auto& w : workers) w->Join();
  workers.clear();
}

}  // namespace

Result<std::unique_ptr<Server>> Server::Create(ServerOptions options, Handler handler,
                                               metrics::Registry* registry) {
  int threads = options.threads > 0
                    ? options.threads
                    : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
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
  if (!context->options.lane_paths.empty()) {
    context->lane = std::make_unique<server::Lane>(
        context->options.lane_threads, static_cast<std::size_t>(context->options.lane_queue));
    if (registry) {
      context->lane_refused =
          registry->GetCounter("warta_http_lane_refused_total",
                               "Slow requests (logins) refused because the lane was full.");
    }
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
