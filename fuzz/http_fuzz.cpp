// The HTTP server on any bytes a client may send: Beast's parser as warta configures it
// (limits, uploads, Expect: 100-continue, pipelining, keep-alive), warta's Request views,
// cookies, query parameters, multipart bodies, and the response writer (gzip included).
// A real server on loopback, once per process; each input is one connection that sends the
// bytes, closes its sending side and reads until the server closes.
#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
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
  options.max_body_bytes = std::size_t{64} * 1024;
  options.read_timeout = std::chrono::seconds(2);
  options.idle_timeout = std::chrono::seconds(2);
  UploadRoute upload;
  upload.path = "/upload";
  upload.max_body_bytes = std::size_t{256} * 1024;
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
//
// A refused connect is retried: a server thread starved of CPU (nice 19 beside a build) lets
// its accept queue fill, and the kernel then refuses; that is the machine, not a finding
// (fuzz/RUNS.md, session 6). Only a connect that keeps failing for kConnectTries stops the run,
// and it says why.
constexpr int kConnectTries = 200;

int Connect(std::uint16_t port) {
  static std::uint32_t next = 0;
  int last_errno = 0;
  for (int attempt = 0; attempt < kConnectTries; ++attempt) {
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
    if (::connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0) return fd;
    last_errno = errno;
    ::close(fd);
    ::usleep(50 * 1000);
  }
  std::fprintf(stderr, "http_fuzz: connect() to the harness's own server failed %d times: %s\n",
               kConnectTries, std::strerror(last_errno));
  WARTA_FUZZ_CHECK(false);
  return -1;
}

// Nanoseconds this process's threads have spent runnable but waiting for a CPU (the second
// field of /proc/self/task/*/schedstat), or -1 when the kernel does not say. At nice 19 on a
// busy machine the server's thread can wait tens of seconds for a CPU: that is not a stall.
long long RunDelayNs() {
  DIR* dir = ::opendir("/proc/self/task");
  if (dir == nullptr) return -1;
  long long total = 0;
  bool any = false;
  while (const dirent* entry = ::readdir(dir)) {
    if (entry->d_name[0] == '.') continue;
    const std::string path = std::string("/proc/self/task/") + entry->d_name + "/schedstat";
    std::FILE* file = std::fopen(path.c_str(), "r");
    if (file == nullptr) continue;
    long long cpu = 0;
    long long delay = 0;
    if (std::fscanf(file, "%lld %lld", &cpu, &delay) == 2) {
      total += delay;
      any = true;
    }
    std::fclose(file);
  }
  ::closedir(dir);
  return any ? total : -1;
}

// A server still holding the connection long after its 2 s timeouts is a bug (a client could
// hold it too). Measured in time the process could run: wall-clock time minus the time its
// threads waited for a CPU, so a starved fuzzer (nice 19, load 15-20: the 2026-12-06 reports
// in fuzz/RUNS.md) is not taken for a stalled server. Under libFuzzer's -timeout for http
// (fuzz/run.sh), so this message is the one seen; after kWallLimit of mostly waiting for a
// CPU the input is let go unjudged.
constexpr auto kStall = std::chrono::seconds(25);
constexpr auto kWallLimit = std::chrono::seconds(100);

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::uint16_t port = StartServer();
  const int fd = Connect(port);
  // Sending may stop early when the server answers and closes (413, 431, 400): not an error.
  std::size_t sent = 0;
  while (sent < size) {
    const ssize_t n = ::send(fd, data + sent, size - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  char buffer[16384];
  pollfd p{fd, POLLIN, 0};
  using Clock = std::chrono::steady_clock;
  auto since = Clock::now();   // the last byte, or the end of sending
  long long delay_since = -2;  // read on the first quiet second only: the common path is fast
  for (;;) {
    const int ready = ::poll(&p, 1, 1000);
    // libFuzzer's -timeout is a SIGALRM every timeout/2 + 1 s: landing in poll or recv it is
    // EINTR, not a failure (it stopped a 695,570-execution run once, 2026-12-07).
    if (ready < 0 && errno == EINTR) continue;
    WARTA_FUZZ_CHECK(ready >= 0);
    if (ready > 0) {
      const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      since = Clock::now();
      delay_since = -2;
      continue;
    }
    if (delay_since == -2) delay_since = RunDelayNs();
    const auto waited = Clock::now() - since;
    if (waited < kStall) continue;
    const long long delay_now = delay_since < 0 ? -1 : RunDelayNs();
    const auto starved = std::chrono::nanoseconds(delay_now < 0 ? 0 : delay_now - delay_since);
    if (waited - starved < kStall) {
      if (waited < kWallLimit) continue;
      // Starved for the whole wait: nothing can be said about the server; go on.
      std::fprintf(stderr, "fuzz: %.1f s without a CPU for the most part; not judged\n",
                   std::chrono::duration<double>(waited).count());
      break;
    }
    std::fprintf(
        stderr,
        "fuzz: property failed: the server held the connection %.1f s (%.1f s waiting for a CPU)\n",
        std::chrono::duration<double>(waited).count(),
        std::chrono::duration<double>(starved).count());
    std::abort();
  }
  ::close(fd);
  return 0;
}
