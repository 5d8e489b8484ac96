// doctor: the listening address (free, or held by a warta that answers /healthz), the
// public URL and the reverse proxies warta believes.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>

#include "app/doctor.h"

namespace warta::app::doctor {
namespace {

struct AddrInfoFree {
  void operator()(addrinfo* info) const { freeaddrinfo(info); }
};
using AddrInfoPtr = std::unique_ptr<addrinfo, AddrInfoFree>;

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

bool IsLoopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

// The host to reach a listener on from this machine: wildcards become loopback.
std::string ReachableHost(const std::string& host) {
  if (host.empty() || host == "0.0.0.0") return "127.0.0.1";
  if (host == "::") return "::1";
  return host;
}

AddrInfoPtr Resolve(const std::string& host, std::uint16_t port, bool passive) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_NUMERICSERV | (passive ? AI_PASSIVE : 0);
  addrinfo* found = nullptr;
  const std::string service = std::to_string(port);
  if (getaddrinfo(host.empty() ? nullptr : host.c_str(), service.c_str(), &hints, &found) != 0) {
    return nullptr;
  }
  return AddrInfoPtr(found);
}

// errno of binding host:port as the server would (SO_REUSEADDR, as Asio's acceptor does, so a
// port left in TIME_WAIT by a stopped warta counts as free); 0 when the bind succeeded.
int TryBind(const std::string& host, std::uint16_t port) {
  AddrInfoPtr info = Resolve(host, port, /*passive=*/true);
  if (!info) return EADDRNOTAVAIL;
  Socket sock(::socket(info->ai_family, info->ai_socktype, info->ai_protocol));
  if (sock.fd() < 0) return errno;
  const int on = 1;
  setsockopt(sock.fd(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (bind(sock.fd(), info->ai_addr, info->ai_addrlen) != 0) return errno;
  return 0;
}

// Whether host:port answers GET /healthz with 200 "ok": a running warta.
bool AnswersHealthz(const std::string& host, std::uint16_t port) {
  AddrInfoPtr info = Resolve(ReachableHost(host), port, /*passive=*/false);
  if (!info) return false;
  Socket sock(::socket(info->ai_family, info->ai_socktype, info->ai_protocol));
  if (sock.fd() < 0) return false;
  timeval timeout{2, 0};
  setsockopt(sock.fd(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(sock.fd(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  if (connect(sock.fd(), info->ai_addr, info->ai_addrlen) != 0) return false;
  const std::string request = "GET /healthz HTTP/1.0\r\nHost: warta-doctor\r\n\r\n";
  if (send(sock.fd(), request.data(), request.size(), MSG_NOSIGNAL) !=
      static_cast<ssize_t>(request.size())) {
    return false;
  }
  std::string reply;
  char buffer[1024];
  while (reply.size() < 4096) {
    const ssize_t n = recv(sock.fd(), buffer, sizeof buffer, 0);
    if (n <= 0) break;
    reply.append(buffer, static_cast<std::size_t>(n));
  }
  const std::size_t body = reply.find("\r\n\r\n");
  // "HTTP/1.0 200" or "HTTP/1.1 200": the server may answer in either version.
  return reply.size() >= 12 && reply.compare(0, 7, "HTTP/1.") == 0 &&
         reply.compare(8, 4, " 200") == 0 && body != std::string::npos &&
         reply.compare(body + 4, 2, "ok") == 0;
}

Finding CheckListen(const config::Config& config) {
  Finding f{Status::kOk, "listen", "", ""};
  auto listen = config::ParseListen(config.server.listen);
  if (!listen.ok()) {
    return {Status::kFail, "listen", listen.error().message, "fix server.listen (HOST:PORT)"};
  }
  const auto& [host, port] = listen.value();
  const std::string shown = config.server.listen;
  if (port == 0) {
    f.message = shown + ": the kernel picks a free port at start";
    return f;
  }
  const int error = TryBind(host, port);
  if (error == 0) {
    f.message = shown + " is free";
  } else if (error == EADDRINUSE && AnswersHealthz(host, port)) {
    f.message = shown + " is held by a running warta (/healthz answers ok)";
  } else if (error == EADDRINUSE) {
    f.status = Status::kFail;
    f.message = shown + " is in use by another program";
    f.fix = "stop it (ss -ltnp shows which) or set server.listen to a free port";
  } else if (error == EACCES) {
    f.status = Status::kFail;
    f.message = shown + ": ports below 1024 need privileges warta does not get";
    f.fix = "listen on a port above 1023 (e.g. 127.0.0.1:8080) behind nginx (docs/deploy.md)";
  } else {
    f.status = Status::kFail;
    f.message = shown + ": " + std::strerror(error);
    f.fix = "set server.listen to an address of this machine";
  }
  return f;
}

Finding CheckPublicUrl(const config::Config& config) {
  Finding f{Status::kOk, "public URL", "", ""};
  const std::string& url = config.site.base_url;
  if (!config.IsExplicit("site.base_url")) {
    f.status = Status::kWarn;
    f.message =
        "site.base_url is not set: feeds, sitemaps and canonical links name the address "
        "warta listens on";
    f.fix = "set site.base_url = \"https://your.domain\" in the configuration";
  } else if (url.compare(0, 8, "https://") != 0) {
    f.status = Status::kWarn;
    f.message = url + " is plain HTTP: passwords and session cookies cross the network in clear";
    f.fix = "put nginx with TLS in front (docs/deploy.md) and use an https:// URL";
  } else {
    f.message = url;
  }
  return f;
}

Finding CheckProxies(const config::Config& config) {
  Finding f{Status::kOk, "proxies", "", ""};
  const auto& proxies = config.server.trusted_proxies;
  const bool anyone = std::any_of(proxies.begin(), proxies.end(), [](const std::string& p) {
    return p == "0.0.0.0/0" || p == "::/0";
  });
  auto listen = config::ParseListen(config.server.listen);
  const bool loopback = listen.ok() && IsLoopback(listen->first);
  if (anyone) {
    f.status = Status::kFail;
    f.message =
        "server.trusted_proxies trusts every address: any client can claim any "
        "address (rate limits, view counting) and HTTPS (cookies)";
    f.fix = "list only your proxies' addresses, e.g. [\"127.0.0.1\", \"::1\"]";
  } else if (proxies.empty() && loopback) {
    f.status = Status::kWarn;
    f.message =
        "warta listens on loopback but trusts no proxy: behind nginx every reader has "
        "nginx's address (one rate limit for all) and cookies are not marked Secure";
    f.fix = "server.trusted_proxies = [\"127.0.0.1\", \"::1\"] (the proxy on this machine)";
  } else if (proxies.empty()) {
    f.message = "no proxy trusted: clients connect to warta directly";
  } else {
    std::string list;
    for (const std::string& p : proxies) list += (list.empty() ? "" : ", ") + p;
    f.message = "X-Forwarded-For and X-Forwarded-Proto are believed from " + list;
  }
  return f;
}

}  // namespace

void CheckNetwork(const config::Config& config, std::vector<Finding>& out) {
  out.push_back(CheckListen(config));
  out.push_back(CheckPublicUrl(config));
  out.push_back(CheckProxies(config));
}

}  // namespace warta::app::doctor
