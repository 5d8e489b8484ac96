// The only file that compiles Beast and Asio: one io_context per thread, its acceptor, and
// a Session per connection (after Beast's advanced_server example at boost-1.74.0).
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <spdlog/spdlog.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <limits>
#include <optional>
#include <thread>

#include "core/ascii.h"
#include "http/server/arena.h"
#include "http/server/context.h"
#include "http/server/file_send.h"
#include "http/server/request_log.h"
#include "http/server/response_writer.h"
#include "http/server/strict_head.h"

namespace warta::http::server {
namespace {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;
// A concrete executor rather than any_io_executor: one thread per io_context, and no
// type-erased call per operation.
using Executor = net::io_context::executor_type;
using Acceptor = net::basic_socket_acceptor<tcp, Executor>;
using Socket = net::basic_stream_socket<tcp, Executor>;
using Timer = net::basic_waitable_timer<Clock, net::wait_traits<Clock>, Executor>;
using Parser = bhttp::request_parser<bhttp::string_body, ArenaAllocator<char>>;

constexpr std::size_t kReadChunk = 8192;
// After refusing a request (431, 413, 400) we read and discard what the client still sends
// for a while before closing, so our answer is not lost to a TCP reset.
constexpr auto kLingerTime = std::chrono::seconds(5);
constexpr std::size_t kLingerMaxBytes = std::size_t{64} << 20;
constexpr auto kAcceptRetry = std::chrono::milliseconds(100);
// How often deadlines are checked: timeouts fire up to this much late.
constexpr auto kSweepInterval = std::chrono::milliseconds(200);

std::string_view View(beast::string_view s) { return {s.data(), s.size()}; }

Method ToMethod(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
      return Method::kGet;
    case bhttp::verb::head:
      return Method::kHead;
    case bhttp::verb::post:
      return Method::kPost;
    case bhttp::verb::put:
      return Method::kPut;
    case bhttp::verb::patch:
      return Method::kPatch;
    case bhttp::verb::delete_:
      return Method::kDelete;
    case bhttp::verb::options:
      return Method::kOptions;
    default:
      return Method::kOther;
  }
}

// "http://host/path?q" (absolute-form, RFC 9112 3.2.2) → "/path?q".
std::string_view OriginForm(std::string_view target) {
  if (target.empty() || target.front() == '/') return target;
  std::size_t scheme = target.find("://");
  if (scheme == std::string_view::npos) return target;
  std::size_t slash = target.find('/', scheme + 3);
  return slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
}

// The path of a request target, without its query ("http://h/p?q" → "/p").
std::string_view TargetPath(std::string_view target) {
  std::string_view origin = OriginForm(target);
  return origin.substr(0, origin.find('?'));
}

// {"error": message} for a message of our own (ASCII, no control characters expected).
std::string JsonError(std::string_view message) {
  std::string json = "{\"error\": \"";
  for (char c : message) {
    if (c == '"' || c == '\\') json += '\\';
    json += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
  }
  return json + "\"}";
}

// Who is at the other end of a new connection.
struct Peer {
  std::string address;        // as text, IPv4-mapped IPv6 as IPv4
  std::optional<IpBytes> ip;  // null when the endpoint could not be read
  bool trusted = false;       // one of server.trusted_proxies
};

template <typename S>
Peer PeerOf(const S& socket, const TrustedProxies& proxies) {
  Peer peer;
  beast::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  if (ec) return peer;
  net::ip::address address = endpoint.address();
  if (address.is_v6() && address.to_v6().is_v4_mapped()) {
    address = net::ip::make_address_v4(net::ip::v4_mapped, address.to_v6());
  }
  peer.address = address.to_string();
  peer.ip = ParseIp(peer.address);
  peer.trusted = peer.ip && proxies.Contains(*peer.ip);
  return peer;
}

bool IsWrite(Method method) {
  return method == Method::kPost || method == Method::kPut || method == Method::kPatch ||
         method == Method::kDelete;
}

void Count(metrics::Counter* counter) {
  if (counter) counter->Add();
}

class WorkerImpl;

class Session : public std::enable_shared_from_this<Session> {
 public:
  // counted: the connection holds one of its address's slots (released on destruction).
  Session(WorkerImpl& worker, Socket socket, Peer peer, bool counted);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void Start() { WaitForRequest(true); }
  // On Stop(): a connection waiting for its next request (or lingering) closes now.
  void CloseIfIdle();
  bool idle() const { return idle_; }
  void Close();
  // Closes the connection when its deadline has passed; its pending operation then fails.
  void CloseIfExpired(Clock::time_point now) {
    if (now >= deadline_) Close();
  }

  Session* prev = nullptr;  // the worker's list of sessions
  Session* next = nullptr;

 private:
  void WaitForRequest(bool first);
  void ReadRequest();
  void ReadHead();
  void RejectMalformed();
  void OnHeader(beast::error_code ec);
  void ReadBody();
  void OnRequest(beast::error_code ec);
  void BuildRequest();
  void Respond();
  // Sets a 429 response and returns true when the request is over a per-address budget.
  bool OverBudget();
  WireOptions MakeWireOptions(bool keep_alive);
  // Runs the handler (on whatever thread calls it); exceptions become a 500.
  void RunHandler();
  void Send();
  // True when the request goes to the lane (server/lane.h): hands it over, or answers 503
  // when the lane is full.
  bool Offload();
  void RespondError(int status);
  void RespondError(Response response);
  // The upload route of the request whose head was read, or null.
  const UploadRoute* FindUploadRoute() const;
  bool TakeUploadSlot();
  void ReleaseUploadSlot();
  void Write(const Wire& wire);
  // Sends head_ and then file_ (sendfile) as far as the socket takes them, then waits until
  // it takes more (WaitWritable); OnWritten when all is sent or the connection failed.
  void SendFilePart();
  void WaitWritable();
  void OnWritten(beast::error_code ec);
  void FailRead(beast::error_code ec);
  void Drain();
  template <typename Duration>
  void ExpiresAfter(Duration d) {
    deadline_ = Clock::now() + d;
  }
  Response InternalError(std::string_view what);

  WorkerImpl& worker_;
  Context& context_;
  Socket socket_;
  // Timeouts: one deadline per session, checked by the worker's sweep, instead of a timer
  // armed and cancelled for every read and write (Beast's tcp_stream).
  Clock::time_point deadline_ = Clock::time_point::max();
  beast::flat_buffer buffer_;  // reused across requests; holds pipelined bytes
  Arena arena_;                // the parser's header fields; reset per request
  std::optional<Parser> parser_;
  Request request_;  // views into *parser_; reused so its vector keeps its capacity
  Response response_;
  std::string head_;
  std::string gzipped_;
  // The body being sent with sendfile (kept alive by response_), and how far it got.
  const BodyFile* file_ = nullptr;
  FileSendProgress file_progress_;
  bool non_blocking_ = false;  // the socket is set non-blocking for sendfile
  std::string peer_;
  std::optional<IpBytes> peer_ip_;
  bool counted_ = false;  // holds a slot in context_.connections_by_address
  std::string_view method_name_;
  bool peer_trusted_ = false;
  bool idle_ = false;
  bool keep_alive_ = false;
  bool linger_ = false;
  bool upload_slot_ = false;  // holds one of context_.uploads_reading
  std::size_t drained_ = 0;
  Clock::time_point started_;
};

class WorkerImpl final : public Worker {
 public:
  explicit WorkerImpl(Context& context);
  ~WorkerImpl() override;

  // Hands listen_fd to the acceptor; on failure the acceptor stays closed.
  beast::error_code Adopt(int listen_fd, int family);

  void Start() override;
  void BeginStop() override;
  void Join() override;

  void Link(Session* s);
  void Unlink(Session* s);
  // Closes up to n of this thread's idle connections, oldest first; returns how many.
  int ShedIdle(int n);

  Context& context;
  RequestMetrics metrics;
  Gzipper gzipper;
  DateCache date;

 private:
  void Accept();
  void OnAccept(beast::error_code ec, Socket socket);
  void Admit(Socket socket);
  // Open connections from which idle ones are shed: a sixteenth below the cap.
  int HighWater() const {
    return context.max_connections - std::max(1, context.max_connections / 16);
  }
  void CloseAcceptorAndIdleSessions();
  void Sweep();

  std::unique_ptr<net::io_context> ioc_;
  std::optional<Acceptor> acceptor_;
  std::optional<Timer> retry_timer_;
  std::optional<Timer> sweep_timer_;
  Session* sessions_ = nullptr;  // newest first
  Session* oldest_ = nullptr;
  std::thread thread_;
};

// ---- Session ----

Session::Session(WorkerImpl& worker, Socket socket, Peer peer, bool counted)
    : worker_(worker),
      context_(worker.context),
      socket_(std::move(socket)),
      peer_(std::move(peer.address)),
      peer_ip_(peer.ip),
      counted_(counted),
      peer_trusted_(peer.trusted) {
  context_.open_sessions.fetch_add(1, std::memory_order_relaxed);
  if (context_.connections_open) context_.connections_open->Add(1);
  worker_.Link(this);
  beast::error_code ec;
  socket_.set_option(tcp::no_delay(true), ec);
  head_.reserve(512);
}

Session::~Session() {
  if (counted_) context_.connections_by_address.Release(*peer_ip_);
  ReleaseUploadSlot();
  worker_.Unlink(this);
  if (context_.connections_open) context_.connections_open->Add(-1);
  context_.open_sessions.fetch_sub(1, std::memory_order_relaxed);
}

void Session::CloseIfIdle() {
  if (idle_) Close();
}

void Session::WaitForRequest(bool first) {
  if (buffer_.size() > 0) return ReadRequest();  // pipelined: the next request is here
  if (context_.stopping.load(std::memory_order_relaxed)) return Close();
  // Wait for the first byte with the idle timeout; the read timeout starts with it.
  idle_ = true;
  ExpiresAfter(first ? context_.options.read_timeout : context_.options.idle_timeout);
  socket_.async_read_some(buffer_.prepare(kReadChunk),
                          [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                            self->idle_ = false;
                            // Closed by Stop() or the sweep after the bytes arrived: the
                            // request must not run when its response cannot be sent.
                            if (ec || !self->socket_.is_open()) return self->Close();
                            self->buffer_.commit(n);
                            self->ReadRequest();
                          });
}

void Session::ReadRequest() {
  parser_.reset();      // first: its fields live in the arena
  ReleaseUploadSlot();  // the previous request's body is gone
  arena_.Reset();
  parser_.emplace(std::piecewise_construct, std::make_tuple(),
                  std::make_tuple(ArenaAllocator<char>(&arena_)));
  parser_->header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(context_.options.max_header_bytes, UINT32_MAX)));
  // No limit while the head is read (Beast would refuse a Content-Length over it with a bare
  // 413 before OnHeader sees the path); OnHeader checks and sets the route's limit.
  parser_->body_limit(std::numeric_limits<std::uint64_t>::max());
  ExpiresAfter(context_.options.read_timeout);
  ReadHead();
}

void Session::ReadHead() {
  // The whole head is gathered before Beast parses it, so its raw bytes can be checked for
  // what Beast silently accepts (obsolete folding); Beast then parses from the buffer.
  const auto data = buffer_.data();
  const std::string_view bytes(static_cast<const char*>(data.data()), data.size());
  const std::size_t end = bytes.find("\r\n\r\n");
  if (end == std::string_view::npos && bytes.size() <= context_.options.max_header_bytes) {
    socket_.async_read_some(buffer_.prepare(kReadChunk),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              if (ec || !self->socket_.is_open()) return self->Close();
                              self->buffer_.commit(n);
                              self->ReadHead();
                            });
    return;
  }
  if (end != std::string_view::npos && HasObsFold(bytes.substr(0, end + 2))) {
    return RejectMalformed();
  }
  bhttp::async_read_header(
      socket_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnHeader(ec); });
}

void Session::RejectMalformed() {
  Count(context_.malformed_heads);
  RespondError(400);
}

const UploadRoute* Session::FindUploadRoute() const {
  const std::string_view path = TargetPath(View(parser_->get().target()));
  for (const UploadRoute& route : context_.options.upload_routes) {
    if (route.path == path) return &route;
  }
  return nullptr;
}

bool Session::TakeUploadSlot() {
  if (context_.uploads_reading.fetch_add(1) >= context_.options.max_concurrent_uploads) {
    context_.uploads_reading.fetch_sub(1);
    return false;
  }
  upload_slot_ = true;
  return true;
}

void Session::ReleaseUploadSlot() {
  if (upload_slot_) context_.uploads_reading.fetch_sub(1);
  upload_slot_ = false;
}

void Session::OnHeader(beast::error_code ec) {
  if (ec) return FailRead(ec);
  HeadFacts facts;
  facts.version = static_cast<int>(parser_->get().version());
  for (const auto& field : parser_->get()) {
    switch (field.name()) {
      case bhttp::field::host:
        ++facts.host_fields;
        break;
      case bhttp::field::content_length:
        ++facts.content_length_fields;
        break;
      case bhttp::field::transfer_encoding:
        ++facts.transfer_encoding_fields;
        facts.transfer_encoding = View(field.value());
        break;
      default:
        break;
    }
  }
  if (!FramingProblem(facts).empty()) return RejectMalformed();
  const UploadRoute* upload = FindUploadRoute();
  const std::size_t limit = upload ? upload->max_body_bytes : context_.options.max_body_bytes;
  const auto length = parser_->content_length();
  if (length && *length > limit) {
    if (!upload) return RespondError(413);
    Response response = JsonResponse(413, JsonError(upload->too_large_message));
    return RespondError(std::move(response));
  }
  parser_->body_limit(limit);
  if (upload && !parser_->is_done() && (!length || *length > context_.options.max_body_bytes)) {
    if (!TakeUploadSlot()) {
      Response response =
          JsonResponse(503, JsonError("too many uploads at once; try again in a few seconds"));
      response.SetHeader("Retry-After", "5");
      return RespondError(std::move(response));
    }
    ExpiresAfter(upload->read_timeout);
  }
  if (parser_->is_done()) return OnRequest({});
  if (beast::iequals(parser_->get()[bhttp::field::expect], "100-continue")) {
    // curl and others wait for this before sending a body.
    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    net::async_write(socket_, net::buffer(kContinue.data(), kContinue.size()),
                     [self = shared_from_this()](beast::error_code wec, std::size_t) {
                       if (wec) return self->Close();
                       self->ReadBody();
                     });
    return;
  }
  ReadBody();
}

void Session::ReadBody() {
  bhttp::async_read(
      socket_, buffer_, *parser_,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnRequest(ec); });
}

void Session::FailRead(beast::error_code ec) {
  if (ec == bhttp::error::header_limit) return RespondError(431);
  if (ec == bhttp::error::body_limit) return RespondError(413);
  if (ec == bhttp::error::end_of_stream || ec == bhttp::error::partial_message) return Close();
  if (&ec.category() == &bhttp::make_error_code(bhttp::error::bad_version).category()) {
    return RejectMalformed();  // any other parse error
  }
  Close();  // timeout, reset, cancelled by Stop()
}

void Session::OnRequest(beast::error_code ec) {
  if (ec) return FailRead(ec);
  if (!socket_.is_open()) return;  // timed out while the completion was queued
  started_ = Clock::now();
  BuildRequest();
  // Budgets first: a request over its address's budget never reaches a handler or the lane.
  if (OverBudget()) return Send();
  if (Offload()) return;
  Respond();
}

// The lane of the request's route (ServerOptions::lanes), or -1.
int LaneOf(const std::vector<LaneOptions>& lanes, const Request& request) {
  if (request.method != Method::kPost && request.method != Method::kDelete) return -1;
  for (std::size_t i = 0; i < lanes.size(); ++i) {
    for (const std::string& pattern : lanes[i].paths) {
      if (LanePathMatches(pattern, request.path)) return static_cast<int>(i);
    }
  }
  return -1;
}

bool Session::Offload() {
  const int lane = LaneOf(context_.options.lanes, request_);
  if (lane < 0) return false;
  // The session waits for the lane (queue and handler) instead of for the client.
  ExpiresAfter(context_.options.read_timeout + context_.options.idle_timeout);
  auto executor = socket_.get_executor();
  std::function<void()> task = [self = shared_from_this(), executor]() mutable {
    self->RunHandler();
    // Back on the session's own I/O thread, which alone may touch the socket or free the
    // session: the lane keeps no reference once this is posted.
    net::post(executor, [s = std::move(self)] {
      if (!s->socket_.is_open()) return;  // timed out or stopped meanwhile
      s->Send();
    });
  };
  if (context_.lanes[lane]->Submit(task)) return true;
  if (auto* refused = context_.lanes_refused[lane]) refused->Add();
  // Answered from here, like every refusal: nothing of the handler runs.
  response_ = JsonResponse(503, JsonError(context_.options.lanes[lane].busy_message));
  response_.SetHeader("Retry-After", "5");
  response_.route = "lane_full";
  Send();
  return true;
}

void Session::BuildRequest() {
  const auto& msg = parser_->get();
  request_.method = ToMethod(msg.method());
  method_name_ = View(msg.method_string());
  request_.target = View(msg.target());
  std::string_view origin = OriginForm(request_.target);
  std::size_t question = origin.find('?');
  request_.path = origin.substr(0, question);
  request_.query =
      question == std::string_view::npos ? std::string_view() : origin.substr(question + 1);
  request_.headers.clear();
  for (const auto& field : msg) {
    request_.headers.emplace_back(View(field.name_string()), View(field.value()));
  }
  request_.body = msg.body();
  request_.secure = false;
  if (peer_trusted_) {
    request_.remote_address.assign(
        context_.proxies.ClientAddress(peer_, request_.Header("X-Forwarded-For")));
    request_.secure = ascii::EqualsIgnoreCase(
        ascii::Trim(request_.Header("X-Forwarded-Proto"), ascii::IsHttpSpace), "https");
  } else {
    request_.remote_address.assign(peer_);
  }
}

Response Session::InternalError(std::string_view what) {
  std::string id = NewRequestId();
  spdlog::error("http: request {} \"{} {:.200}\" from {} failed: {}", id, method_name_,
                request_.target, request_.remote_address, what);
  Response response = TextResponse(500, "Internal Server Error\nrequest id: " + id + "\n");
  response.SetHeader("X-Request-Id", std::move(id));
  response.route = "error";
  return response;
}

bool Session::OverBudget() {
  if (!context_.request_limiter && !context_.write_limiter) return false;
  const auto ip = peer_trusted_ ? ParseIp(request_.remote_address) : peer_ip_;
  if (!ip) return false;
  const auto now = Clock::now();
  RateLimiter::Decision decision;
  if (context_.request_limiter) {
    decision = context_.request_limiter->Take(*ip, now);
    if (!decision.allowed) Count(context_.limited_requests);
  }
  if (decision.allowed && context_.write_limiter && IsWrite(request_.method)) {
    decision = context_.write_limiter->Take(*ip, now);
    if (!decision.allowed) Count(context_.limited_writes);
  }
  if (decision.allowed) return false;
  const std::string seconds = std::to_string(decision.retry_after_seconds);
  response_ = TextResponse(429, "Too Many Requests\nretry after " + seconds + " seconds\n");
  response_.SetHeader("Retry-After", seconds);
  response_.SetHeader("Cache-Control", "no-store");
  response_.route = "rate_limited";
  return true;
}

WireOptions Session::MakeWireOptions(bool keep_alive) {
  WireOptions options;
  options.gzip_min_bytes = context_.options.gzip_min_bytes;
  options.keep_alive = keep_alive;
  options.date = worker_.date.Now();
  options.default_headers = &context_.options.response_headers;
  if (request_.secure) options.hsts = context_.options.hsts;
  return options;
}

void Session::Respond() {
  RunHandler();
  Send();
}

void Session::RunHandler() {
  try {
    response_ = context_.handler(request_);
  } catch (const std::exception& e) {
    response_ = InternalError(e.what());
  } catch (...) {
    response_ = InternalError("unknown exception");
  }
}

void Session::Send() {
  // Decided after the handler: a Stop() during a slow handler makes this the last response.
  keep_alive_ = parser_->get().keep_alive() && !context_.stopping.load(std::memory_order_relaxed);
  WireOptions options = MakeWireOptions(keep_alive_);
  options.http10 = parser_->get().version() == 10;
  // An upload's slot is given back before its answer can reach the client (Asio may send
  // while the write starts), its body as soon as the answer is serialized: not when the
  // connection's next request comes or a slow client has read the answer.
  const bool upload = upload_slot_;
  ReleaseUploadSlot();
  Write(Prepare(request_, response_, options, worker_.gzipper, gzipped_, head_));
  if (upload) parser_.reset();  // the request (views into it) is not read again
}

void Session::RespondError(int status) {
  RespondError(TextResponse(status, std::string(ReasonPhrase(status)) + "\n"));
}

void Session::RespondError(Response response) {
  // The parser's message is incomplete: answer from nothing but the status.
  ReleaseUploadSlot();
  linger_ = true;
  keep_alive_ = false;
  started_ = Clock::now();
  request_.method = Method::kOther;
  request_.target = request_.path = request_.query = request_.body = {};
  request_.headers.clear();
  request_.remote_address.assign(peer_);
  request_.secure = false;
  method_name_ = "-";
  response_ = std::move(response);
  response_.route = "rejected";
  WireOptions options = MakeWireOptions(false);
  Write(Prepare(request_, response_, options, worker_.gzipper, gzipped_, head_));
}

void Session::Write(const Wire& wire) {
  // Counted before the write starts, so a client that has its response always finds it in
  // the metrics; the duration is the server's part (handler and serialization).
  double seconds = std::chrono::duration<double>(Clock::now() - started_).count();
  worker_.metrics.Record(response_.route, response_.status, seconds);
  if (context_.access_logger) {
    LogAccess(*context_.access_logger,
              AccessEntry{request_.remote_address, method_name_, request_.target, response_.status,
                          wire.body.size(), seconds});
  }
  // A client that does not read its response is dropped after the idle timeout.
  ExpiresAfter(context_.options.idle_timeout);
  if (wire.file != nullptr) {
    file_ = wire.file;
    file_progress_ = {};
    return SendFilePart();
  }
  std::array<net::const_buffer, 2> buffers{net::buffer(head_),
                                           net::buffer(wire.body.data(), wire.body.size())};
  net::async_write(
      socket_, buffers,
      [self = shared_from_this()](beast::error_code ec, std::size_t) { self->OnWritten(ec); });
}

void Session::SendFilePart() {
  beast::error_code ec;
  if (!non_blocking_) {
    // sendfile has no per-call "don't wait" flag: the socket itself must not block.
    socket_.native_non_blocking(true, ec);
    if (ec) return OnWritten(ec);
    non_blocking_ = true;
  }
  int error = 0;
  switch (SendHeadAndFile(socket_.native_handle(), head_, *file_, file_progress_, error)) {
    case FileSendResult::kWouldBlock:
      return WaitWritable();
    case FileSendResult::kFailed:
      ec = beast::error_code(error, boost::system::system_category());
      break;
    case FileSendResult::kDone:
      break;
  }
  file_ = nullptr;
  OnWritten(ec);
}

void Session::WaitWritable() {
  socket_.async_wait(tcp::socket::wait_write, [self = shared_from_this()](beast::error_code ec) {
    if (ec) {
      self->file_ = nullptr;
      return self->OnWritten(ec);
    }
    self->SendFilePart();
  });
}

void Session::OnWritten(beast::error_code ec) {
  if (ec) return Close();
  if (linger_) {
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    ExpiresAfter(kLingerTime);
    return Drain();
  }
  if (!keep_alive_ || context_.stopping.load(std::memory_order_relaxed)) {
    beast::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    return;  // the socket closes with the last reference to this session
  }
  WaitForRequest(false);
}

void Session::Drain() {
  buffer_.clear();
  idle_ = true;
  socket_.async_read_some(buffer_.prepare(kReadChunk),
                          [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                            self->idle_ = false;
                            self->drained_ += n;
                            if (ec || self->drained_ > kLingerMaxBytes) return self->Close();
                            self->Drain();
                          });
}

void Session::Close() {
  beast::error_code ignored;
  socket_.shutdown(tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
}

// ---- WorkerImpl ----

WorkerImpl::WorkerImpl(Context& ctx)
    : context(ctx), metrics(ctx.registry), ioc_(std::make_unique<net::io_context>(1)) {
  acceptor_.emplace(ioc_->get_executor());
  retry_timer_.emplace(ioc_->get_executor());
  sweep_timer_.emplace(ioc_->get_executor());
}

beast::error_code WorkerImpl::Adopt(int listen_fd, int family) {
  beast::error_code ec;
  acceptor_->assign(family == AF_INET6 ? tcp::v6() : tcp::v4(), listen_fd, ec);
  return ec;
}

WorkerImpl::~WorkerImpl() {
  Join();
  // Destroying the io_context destroys pending handlers and with them the last sessions,
  // whose destructors still use this object: so it goes first, explicitly.
  acceptor_.reset();
  retry_timer_.reset();
  sweep_timer_.reset();
  ioc_.reset();
}

void WorkerImpl::Start() {
  Accept();
  Sweep();
  thread_ = std::thread([this] {
    while (true) {
      try {
        ioc_->run();
        return;
      } catch (const std::exception& e) {
        spdlog::error("http: I/O thread: {}", e.what());
      }
    }
  });
}

void WorkerImpl::BeginStop() {
  net::post(*ioc_, [this] { CloseAcceptorAndIdleSessions(); });
}

void WorkerImpl::Join() {
  ioc_->stop();
  if (thread_.joinable()) thread_.join();
}

void WorkerImpl::CloseAcceptorAndIdleSessions() {
  beast::error_code ignored;
  acceptor_->close(ignored);
  retry_timer_->cancel();
  for (Session* s = sessions_; s != nullptr; s = s->next) s->CloseIfIdle();
}

void WorkerImpl::Sweep() {
  sweep_timer_->expires_after(kSweepInterval);
  sweep_timer_->async_wait([this](beast::error_code ec) {
    if (ec) return;
    auto now = Clock::now();
    // Closing only fails the session's pending operation; no session is freed in the loop.
    for (Session* s = sessions_; s != nullptr; s = s->next) s->CloseIfExpired(now);
    const int open = context.open_sessions.load(std::memory_order_relaxed);
    if (open >= HighWater()) ShedIdle(open - HighWater() + 1);
    Sweep();
  });
}

void WorkerImpl::Link(Session* s) {
  s->next = sessions_;
  if (sessions_) sessions_->prev = s;
  sessions_ = s;
  if (!oldest_) oldest_ = s;
}

void WorkerImpl::Unlink(Session* s) {
  if (s->prev) s->prev->next = s->next;
  if (s->next) s->next->prev = s->prev;
  if (sessions_ == s) sessions_ = s->next;
  if (oldest_ == s) oldest_ = s->prev;
}

int WorkerImpl::ShedIdle(int n) {
  int shed = 0;
  // Closing only fails the session's pending read; it is unlinked later, from its handler.
  for (Session* s = oldest_; s != nullptr && shed < n; s = s->prev) {
    if (!s->idle()) continue;
    s->Close();
    ++shed;
  }
  if (shed > 0 && context.connections_shed) context.connections_shed->Add(shed);
  return shed;
}

void WorkerImpl::Accept() {
  if (!acceptor_->is_open()) return;
  acceptor_->async_accept(
      [this](beast::error_code ec, Socket socket) { OnAccept(ec, std::move(socket)); });
}

void WorkerImpl::OnAccept(beast::error_code ec, Socket socket) {
  if (ec == net::error::operation_aborted || !acceptor_->is_open()) return;
  if (ec) {
    // Typically out of file descriptors: wait a little instead of spinning.
    spdlog::warn("http: accept failed: {}", ec.message());
    retry_timer_->expires_after(kAcceptRetry);
    retry_timer_->async_wait([this](beast::error_code wec) {
      if (!wec) Accept();
    });
    return;
  }
  if (!context.stopping.load(std::memory_order_relaxed)) Admit(std::move(socket));
  Accept();
}

void WorkerImpl::Admit(Socket socket) {
  Peer peer = PeerOf(socket, context.proxies);
  const int per_address = context.options.max_connections_per_address;
  // Behind a proxy every connection comes from it: the proxy is not capped per address.
  const bool counted = per_address > 0 && peer.ip && !peer.trusted;
  bool refuse = false;
  metrics::Counter* refused = nullptr;
  if (counted && !context.connections_by_address.Acquire(*peer.ip, per_address)) {
    refuse = true;
    refused = context.refused_per_address;
  } else {
    const int open = context.open_sessions.load(std::memory_order_relaxed);
    // Near the cap, idle connections make room (their descriptors free at once); at the cap
    // with nothing idle here, the newcomer is turned away rather than starve the process.
    const int shed = open >= HighWater() ? ShedIdle(open - HighWater() + 1) : 0;
    if (open >= context.max_connections && shed == 0) {
      if (counted) context.connections_by_address.Release(*peer.ip);
      refuse = true;
      refused = context.refused_total;
    }
  }
  if (refuse) {
    Count(refused);
    // Best effort and never blocking: a fresh socket's send buffer takes these bytes.
    static constexpr std::string_view kBusy =
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nRetry-After: 5\r\n"
        "Connection: close\r\n\r\n";
    beast::error_code ignored;
    socket.non_blocking(true, ignored);
    socket.write_some(net::buffer(kBusy.data(), kBusy.size()), ignored);
    socket.close(ignored);
    return;
  }
  std::make_shared<Session>(*this, std::move(socket), std::move(peer), counted)->Start();
}

}  // namespace

Result<std::unique_ptr<Worker>> Worker::Create(Context& context, int listen_fd, int family,
                                               const std::string& address) {
  auto worker = std::make_unique<WorkerImpl>(context);
  if (beast::error_code ec = worker->Adopt(listen_fd, family)) {
    ::close(listen_fd);  // Asio did not take it
    return Error::Io("http: cannot listen on " + address +
                     ": cannot adopt the listening socket: " + ec.message());
  }
  return std::unique_ptr<Worker>(std::move(worker));
}

}  // namespace warta::http::server
