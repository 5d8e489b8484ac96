// Turns a handler's Response into bytes on the wire: conditional GET (304), gzip, and the
// status line and headers. Written by hand rather than with Beast's serializer because that
// allocates a node per header field; here everything goes into buffers reused per session.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "http/message.h"

namespace warta::http::server {

// A reusable gzip compressor (zlib's deflate state is ~256 KB: made once per thread).
class Gzipper {
 public:
  explicit Gzipper(int level = 5);
  ~Gzipper();
  Gzipper(const Gzipper&) = delete;
  Gzipper& operator=(const Gzipper&) = delete;

  // Compresses input into out (replacing its contents). False if zlib fails.
  bool Compress(std::string_view input, std::string& out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The Date header value, formatted at most once per second of `clock`.
class DateCache {
 public:
  explicit DateCache(const Clock& clock = SystemClock::Get()) : clock_(clock) {}
  std::string_view Now();

 private:
  const Clock& clock_;
  std::int64_t second_ = -1;
  std::string value_;
};

// Whether an Accept-Encoding value accepts gzip (q=0 refuses it; "*" counts).
bool AcceptsGzip(std::string_view accept_encoding);

// Whether the request's validators (If-None-Match, If-Modified-Since) match the response's
// ETag / Last-Modified, so a 304 can be sent instead.
bool NotModified(const Request& request, const Response& response);

struct WireOptions {
  std::size_t gzip_min_bytes = 1024;
  bool keep_alive = true;
  bool http10 = false;    // HTTP/1.0 needs an explicit "Connection: keep-alive"
  std::string_view date;  // empty: no Date header
  // Headers every response carries unless it set the same name itself (security headers);
  // hsts, when not empty, is the Strict-Transport-Security value (requests over TLS only).
  const std::vector<std::pair<std::string, std::string>>* default_headers = nullptr;
  std::string_view hsts;
};

// What to send after Prepare: the head is in `head`, the body in `body`.
struct Wire {
  std::string_view body;  // empty for HEAD, 204, 304
  std::size_t content_length = 0;
  // When set, `body`'s bytes are also this file's (the response's shared_body_file or
  // shared_gzip_file): the server sends them with sendfile.
  const BodyFile* file = nullptr;
};

// Applies 304 and gzip to response (which it may modify), then writes the status line and
// headers into head. gzip_buffer holds the compressed body when gzip applies; body views
// point into response.body or gzip_buffer.
Wire Prepare(const Request& request, Response& response, const WireOptions& options,
             Gzipper& gzipper, std::string& gzip_buffer, std::string& head);

// "Not Found" for 404; "Unknown" for codes without a phrase.
std::string_view ReasonPhrase(int status);

}  // namespace warta::http::server
