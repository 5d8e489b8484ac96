// The HTTP server on any bytes a client may send: Beast's parser as warta configures it
// (limits, uploads, Expect: 100-continue, pipelining, keep-alive), warta's Request views,
// cookies, query parameters, multipart bodies, and the response writer (gzip included).
// A real server on loopback, once per process; each input is one connection that sends the
// bytes, closes its sending side and reads until the server closes.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz/fuzz_check.h"
#include "http/multipart.h"
#include "http/server/server.h"
#include "metrics/metrics.h"

namespace {

using namespace warta::http;

Response Handle(const Request& request) {
  // Touch every view: a view outliving its buffer shows here under AddressSanitizer.
  std::string body;
  body.append(MethodName(request.method));
  body.append(request.target).append(request.path).append(request.query);
  for (const auto& [name, value] : request.headers) body.append(name).append(value);
  body.append(request.Cookie("warta_visitor")).append(request.QueryParam("q"));
  body.append(PercentDecode(request.query, true));
  const auto type = request.Header("Content-Type");
  if (auto boundary = MultipartBoundary(type); boundary.ok()) {
    if (auto parts = ParseMultipart(request.body, *boundary); parts.ok()) {
      for (const auto& part : *parts) body.append(part.name).append(part.body.substr(0, 64));
    }
  }
  (void)ParseHttpDate(request.Header("If-Modified-Since"));
  // Long enough to be gzipped for a client that asks (ServerOptions::gzip_min_bytes).
  body.resize(body.size() + 1500, 'x');
  Response response = TextResponse(200, std::move(body));
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

std::uint16_t StartServer() {
  static warta::metrics::Registry registry;
  ServerOptions options;
  options.host = "127.0.0.1";
  options.port = 0;
  options.threads = 1;
  options.access_log = false;
  options.max_body_bytes = 64 * 1024;
  options.read_timeout = std::chrono::seconds(2);
  options.idle_timeout = std::chrono::seconds(2);
  UploadRoute upload;
  upload.path = "/upload";
  upload.max_body_bytes = 256 * 1024;
  upload.read_timeout = std::chrono::seconds(2);
  options.upload_routes.push_back(upload);
  auto server = Server::Create(options, Handle, &registry);
  WARTA_FUZZ_CHECK(server.ok());
  static std::unique_ptr<Server> running = std::move(*server);
  running->Start();
  return running->port();
}

// Connections come from rotating loopback addresses (127.0.0.0/8 is all loopback), so no
// client port sits in TIME_WAIT when it is needed again.
int Connect(std::uint16_t port) {
  static std::uint32_t next = 0;
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  WARTA_FUZZ_CHECK(fd >= 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  from.sin_addr.s_addr = htonl(0x7F000000u | (1 + (next++ % 0xFFFFFEu)));
  (void)::bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(port);
  to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  WARTA_FUZZ_CHECK(::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0);
  return fd;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::uint16_t port = StartServer();
  const int fd = Connect(port);
  // Sending may stop early when the server answers and closes (413, 431, 400): not an error.
  std::size_t sent = 0;
  while (sent < size) {
    const ssize_t n = ::send(fd, data + sent, size - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  char buffer[16384];
  // A server still holding the connection long after its 2 s timeouts is a bug (a client
  // could hold it too). 25 s, not less: a fuzzer at nice 19 on a busy machine waits seconds
  // for the CPU; and under libFuzzer's -timeout of 30 s, so this message is the one seen.
  pollfd p{fd, POLLIN, 0};
  for (;;) {
    WARTA_FUZZ_CHECK(::poll(&p, 1, 25'000) > 0);
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
  }
  ::close(fd);
  return 0;
}
