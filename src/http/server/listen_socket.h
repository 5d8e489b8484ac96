// Listening sockets made with plain POSIX calls, so the error for a taken port is ours to
// word and the SO_REUSEPORT group is set up before any acceptor exists.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace warta::http::server {

// An owned file descriptor (closed on destruction unless released).
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd();
  Fd(Fd&& other) noexcept : fd_(other.Release()) {}
  Fd& operator=(Fd&& other) noexcept;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;

  int get() const { return fd_; }
  int Release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_ = -1;
};

struct ListenSockets {
  std::vector<Fd> fds;  // one per I/O thread, all on the same port
  int family = 0;       // AF_INET or AF_INET6
  std::uint16_t port = 0;
};

// "HOST:PORT" for messages, with brackets around an IPv6 host ("[::1]:8080").
std::string DescribeAddress(const std::string& host, std::uint16_t port);

// Binds `count` listening sockets to host:port (port 0: a free port, shared by all). host is
// an IPv4 or IPv6 literal (brackets allowed), "localhost" (127.0.0.1), "" (all IPv4
// interfaces) or a name resolved once. Error: kIo "http: cannot listen on HOST:PORT: REASON".
Result<ListenSockets> Listen(const std::string& host, std::uint16_t port, int count);

}  // namespace warta::http::server
