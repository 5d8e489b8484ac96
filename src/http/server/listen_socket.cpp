#include "http/server/listen_socket.h"

#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/ascii.h"

namespace warta::http::server {
namespace {

struct Address {
  sockaddr_storage storage{};
  socklen_t length = 0;
  int family = 0;
};

Error ListenError(const std::string& host, std::uint16_t port, int err) {
  std::string reason = std::strerror(err);
  if (!reason.empty()) reason[0] = ascii::ToLower(reason[0]);
  return Error::Io("http: cannot listen on " + DescribeAddress(host, port) + ": " + reason);
}

Result<Address> Resolve(const std::string& host) {
  std::string name = host;
  if (name.size() >= 2 && name.front() == '[' && name.back() == ']') {
    name = name.substr(1, name.size() - 2);
  }
  if (name.empty()) name = "0.0.0.0";
  if (name == "localhost") name = "127.0.0.1";  // one predictable address, not both
  Address a;
  auto* v4 = reinterpret_cast<sockaddr_in*>(&a.storage);
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&a.storage);
  if (inet_pton(AF_INET, name.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    a.family = AF_INET;
    a.length = sizeof(sockaddr_in);
    return a;
  }
  if (inet_pton(AF_INET6, name.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    a.family = AF_INET6;
    a.length = sizeof(sockaddr_in6);
    return a;
  }
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  int rc = getaddrinfo(name.c_str(), nullptr, &hints, &found);
  if (rc != 0 || found == nullptr) {
    return Error::InvalidArgument("http: cannot resolve listen host '" + host +
                                  "': " + gai_strerror(rc));
  }
  std::memcpy(&a.storage, found->ai_addr, found->ai_addrlen);
  a.length = found->ai_addrlen;
  a.family = found->ai_family;
  freeaddrinfo(found);
  return a;
}

void SetPort(Address& a, std::uint16_t port) {
  if (a.family == AF_INET) {
    reinterpret_cast<sockaddr_in*>(&a.storage)->sin_port = htons(port);
  } else {
    reinterpret_cast<sockaddr_in6*>(&a.storage)->sin6_port = htons(port);
  }
}

// A bound socket, or the errno of the step that failed.
Result<Fd> Bind(const Address& a, bool reuse_port, bool do_listen, int& err) {
  Fd fd(::socket(a.family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
  int one = 1;
  if (fd.get() < 0 || ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
      (reuse_port && ::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0) ||
      ::bind(fd.get(), reinterpret_cast<const sockaddr*>(&a.storage), a.length) != 0 ||
      (do_listen && ::listen(fd.get(), SOMAXCONN) != 0)) {
    err = errno;
    return Error::Io("bind");
  }
  return fd;
}

}  // namespace

std::string DescribeAddress(const std::string& host, std::uint16_t port) {
  bool v6 = host.find(':') != std::string::npos && host.front() != '[';
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

Fd::~Fd() {
  if (fd_ >= 0) ::close(fd_);
}

Fd& Fd::operator=(Fd&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = other.Release();
  }
  return *this;
}

Result<ListenSockets> Listen(const std::string& host, std::uint16_t port, int count) {
  WARTA_ASSIGN_OR_RETURN(Address a, Resolve(host));
  bool reuse_port = count > 1;
  int err = 0;
  if (reuse_port && port != 0) {
    // Sockets with SO_REUSEPORT share a port with any other such socket of the same user, so
    // a second warta would silently split the traffic. Probe without it first: this fails
    // when anything is listening on the port.
    SetPort(a, port);
    if (!Bind(a, false, false, err).ok()) return ListenError(host, port, err);
  }
  ListenSockets result;
  result.family = a.family;
  result.port = port;
  for (int i = 0; i < count; ++i) {
    SetPort(a, result.port);
    auto fd = Bind(a, reuse_port, true, err);
    if (!fd.ok()) return ListenError(host, result.port, err);
    if (result.port == 0) {
      sockaddr_storage bound{};
      socklen_t length = sizeof bound;
      ::getsockname(fd->get(), reinterpret_cast<sockaddr*>(&bound), &length);
      result.port = ntohs(a.family == AF_INET ? reinterpret_cast<sockaddr_in*>(&bound)->sin_port
                                              : reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port);
    }
    result.fds.push_back(std::move(*fd));
  }
  return result;
}

}  // namespace warta::http::server
