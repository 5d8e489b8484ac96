// A small HTTP/1.1 server on 127.0.0.1 (port chosen by the kernel) for the fetcher's tests:
// real sockets, one thread per connection, handlers that write raw bytes so they can
// misbehave (trickle, stream without end, lie about lengths). Test-only, header-only.
// It does not count requests in flight: a handler returns only after its response has
// reached the client, so a count over the handler call over-reports whenever this thread
// runs late. Count inside the handler, before sending (InFlight in fetcher_test.cpp).
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace warta::ingest::fetcher::testing {

struct TestRequest {
  std::string method;
  std::string path;
  std::map<std::string, std::string> headers;  // names lower-cased

  std::string Header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class TestServer {
 public:
  // Writes the response to the socket; returns when done (the connection is then closed).
  using Handler = std::function<void(const TestRequest&, TestServer& server, int fd)>;

  explicit TestServer(Handler handler) : handler_(std::move(handler)) {
    listen_fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bind(listen_fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    listen(listen_fd_, 64);
    socklen_t length = sizeof address;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    accept_thread_ = std::thread([this] { AcceptLoop(); });
  }

  ~TestServer() {
    stopping_ = true;
    shutdown(listen_fd_, SHUT_RDWR);
    close(listen_fd_);
    accept_thread_.join();
    {
      std::lock_guard lock(mutex_);
      for (int fd : open_fds_) shutdown(fd, SHUT_RDWR);
    }
    for (std::thread& t : workers_) t.join();
  }

  int port() const { return port_; }
  std::string Url(const std::string& path, const std::string& host = "127.0.0.1") const {
    return "http://" + host + ":" + std::to_string(port_) + path;
  }
  bool stopping() const { return stopping_; }

  std::vector<TestRequest> requests() const {
    std::lock_guard lock(mutex_);
    return requests_;
  }

  // Sends everything; false once the peer has gone (or the server is stopping).
  static bool Send(int fd, std::string_view data) {
    while (!data.empty()) {
      ssize_t n = send(fd, data.data(), data.size(), MSG_NOSIGNAL);
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  static std::string Head(int status, const std::vector<std::string>& headers) {
    std::string head = "HTTP/1.1 " + std::to_string(status) + " X\r\nConnection: close\r\n";
    for (const std::string& h : headers) head += h + "\r\n";
    return head + "\r\n";
  }

  static std::string Response(int status, const std::vector<std::string>& headers,
                              const std::string& body) {
    std::vector<std::string> all = headers;
    all.push_back("Content-Length: " + std::to_string(body.size()));
    return Head(status, all) + body;
  }

 private:
  void AcceptLoop() {
    while (!stopping_) {
      int fd = accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
      if (fd < 0) return;
      std::lock_guard lock(mutex_);
      open_fds_.push_back(fd);
      workers_.emplace_back([this, fd] { Serve(fd); });
    }
  }

  void Serve(int fd) {
    std::string data;
    char buffer[4096];
    while (data.find("\r\n\r\n") == std::string::npos && data.size() < 65536) {
      ssize_t n = recv(fd, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      data.append(buffer, static_cast<std::size_t>(n));
    }
    TestRequest request = Parse(data);
    if (!request.method.empty()) {
      {
        std::lock_guard lock(mutex_);
        requests_.push_back(request);
      }
      handler_(request, *this, fd);
    }
    shutdown(fd, SHUT_WR);
    // Drain what the client still sends so close() does not reset the connection early.
    while (recv(fd, buffer, sizeof buffer, MSG_DONTWAIT) > 0) {
    }
    std::lock_guard lock(mutex_);
    for (int& open : open_fds_) {
      if (open == fd) open = -1;
    }
    close(fd);
  }

  static TestRequest Parse(const std::string& data) {
    TestRequest request;
    const auto line_end = data.find("\r\n");
    if (line_end == std::string::npos) return request;
    const std::string line = data.substr(0, line_end);
    const auto s1 = line.find(' ');
    const auto s2 = line.find(' ', s1 + 1);
    if (s1 == std::string::npos || s2 == std::string::npos) return request;
    request.method = line.substr(0, s1);
    request.path = line.substr(s1 + 1, s2 - s1 - 1);
    std::size_t pos = line_end + 2;
    while (pos < data.size()) {
      const auto end = data.find("\r\n", pos);
      if (end == std::string::npos || end == pos) break;
      const std::string header = data.substr(pos, end - pos);
      const auto colon = header.find(':');
      if (colon != std::string::npos) {
        std::string name = header.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = header.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        request.headers[name] = value;
      }
      pos = end + 2;
    }
    return request;
  }

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread accept_thread_;
  mutable std::mutex mutex_;
  std::vector<std::thread> workers_;
  std::vector<int> open_fds_;
  std::vector<TestRequest> requests_;
};

}  // namespace warta::ingest::fetcher::testing
