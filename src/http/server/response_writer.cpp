#include "http/server/response_writer.h"

#define ZLIB_CONST
#include <zlib.h>

#include <charconv>

#include "core/ascii.h"
#include "http/gzip.h"

namespace warta::http::server {
namespace {

using ascii::ContainsIgnoreCase;
using ascii::EqualsIgnoreCase;

// Header values are padded with optional white space (RFC 9110 §5.6.3): SP and HTAB only.
std::string_view TrimOws(std::string_view s) { return ascii::Trim(s, ascii::IsHttpSpace); }

bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool ValidName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

// Refuses CR, LF and NUL so a handler's value can never split the response (injection).
bool ValidValue(std::string_view value) {
  for (char c : value) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

// Headers the server writes itself; a handler's copy is ignored.
bool ServerOwned(std::string_view name) {
  return EqualsIgnoreCase(name, "Content-Length") || EqualsIgnoreCase(name, "Connection") ||
         EqualsIgnoreCase(name, "Transfer-Encoding") || EqualsIgnoreCase(name, "Keep-Alive") ||
         EqualsIgnoreCase(name, "Date");
}

// Weak comparison (RFC 9110 8.8.3.2): W/"x" and "x" match.
std::string_view OpaqueTag(std::string_view etag) {
  etag = TrimOws(etag);
  if (etag.substr(0, 2) == "W/") etag.remove_prefix(2);
  return etag;
}

bool EtagListMatches(std::string_view list, std::string_view etag) {
  std::string_view want = OpaqueTag(etag);
  if (want.empty()) return false;
  while (true) {
    std::size_t start = list.find('"');
    if (start == std::string_view::npos) return false;
    std::size_t end = list.find('"', start + 1);
    if (end == std::string_view::npos) return false;
    if (list.substr(start, end - start + 1) == want) return true;
    list.remove_prefix(end + 1);
  }
}

// q-value of an Accept-Encoding item's parameters; 1 when absent.
bool QualityIsZero(std::string_view params) {
  while (!params.empty()) {
    std::size_t semi = params.find(';');
    std::string_view p = TrimOws(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view() : params.substr(semi + 1);
    if (p.size() < 2 || (p[0] != 'q' && p[0] != 'Q') || p[1] != '=') continue;
    std::string_view q = p.substr(2);
    return q.find_first_of("123456789") == std::string_view::npos;
  }
  return false;
}

void AppendNumber(std::string& out, std::size_t n) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  out.append(buf, end);
}

void AppendHeader(std::string& out, std::string_view name, std::string_view value) {
  out += name;
  out += ": ";
  out += value;
  out += "\r\n";
}

struct HeadFlags {
  bool gzipped = false;
  bool vary = false;     // the representation depends on Accept-Encoding
  bool no_body = false;  // 204, 304: no Content-Length, no Content-Type for 304
};

void SerializeHead(const Response& response, const WireOptions& options, const HeadFlags& flags,
                   std::size_t content_length, std::string& head) {
  head += "HTTP/1.1 ";
  AppendNumber(head, static_cast<std::size_t>(response.status));
  head += ' ';
  head += ReasonPhrase(response.status);
  head += "\r\n";
  bool has_content_type = !response.Header("Content-Type").empty();
  if (!flags.no_body && !has_content_type && !response.content_type.empty() &&
      ValidValue(response.content_type)) {
    AppendHeader(head, "Content-Type", response.content_type);
  }
  bool vary_written = false;
  for (const auto& [name, value] : response.headers) {
    if (!ValidName(name) || !ValidValue(value) || ServerOwned(name)) continue;
    if (flags.gzipped && EqualsIgnoreCase(name, "ETag") && value.substr(0, 2) != "W/") {
      // The gzipped bytes differ from the identity ones, so a strong tag would lie.
      AppendHeader(head, name, "W/" + value);
    } else if (flags.vary && EqualsIgnoreCase(name, "Vary")) {
      bool listed = ContainsIgnoreCase(value, "Accept-Encoding") || TrimOws(value) == "*";
      AppendHeader(head, name, listed ? value : value + ", Accept-Encoding");
      vary_written = true;
    } else {
      AppendHeader(head, name, value);
    }
  }
  if (options.default_headers) {
    for (const auto& [name, value] : *options.default_headers) {
      if (response.Header(name).empty()) AppendHeader(head, name, value);
    }
  }
  if (!options.hsts.empty() && response.Header("Strict-Transport-Security").empty()) {
    AppendHeader(head, "Strict-Transport-Security", options.hsts);
  }
  if (flags.gzipped) AppendHeader(head, "Content-Encoding", "gzip");
  if (flags.vary && !vary_written) AppendHeader(head, "Vary", "Accept-Encoding");
  if (!options.date.empty()) AppendHeader(head, "Date", options.date);
  if (!flags.no_body) {
    head += "Content-Length: ";
    AppendNumber(head, content_length);
    head += "\r\n";
  }
  if (!options.keep_alive) {
    head += "Connection: close\r\n";
  } else if (options.http10) {
    head += "Connection: keep-alive\r\n";
  }
  head += "\r\n";
}

}  // namespace

struct Gzipper::State {
  z_stream zs{};
  bool ok = false;
};

Gzipper::Gzipper(int level) : state_(std::make_unique<State>()) {
  // windowBits 15 + 16: a gzip wrapper rather than raw zlib, as Content-Encoding: gzip needs.
  state_->ok = deflateInit2(&state_->zs, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
}

Gzipper::~Gzipper() {
  if (state_->ok) deflateEnd(&state_->zs);
}

bool Gzipper::Compress(std::string_view input, std::string& out) {
  if (!state_->ok || input.size() > 0xffffffffU / 2) return false;
  z_stream& zs = state_->zs;
  if (deflateReset(&zs) != Z_OK) return false;
  out.resize(deflateBound(&zs, static_cast<uLong>(input.size())));
  zs.next_in = reinterpret_cast<const Bytef*>(input.data());
  zs.avail_in = static_cast<uInt>(input.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END) return false;
  out.resize(zs.total_out);
  return true;
}

std::string_view DateCache::Now() {
  const std::int64_t now = clock_.NowUnix();
  if (now != second_) {
    second_ = now;
    value_ = FormatHttpDate(now);
  }
  return value_;
}

bool AcceptsGzip(std::string_view accept_encoding) {
  bool star = false;
  while (!accept_encoding.empty()) {
    std::size_t comma = accept_encoding.find(',');
    std::string_view item = accept_encoding.substr(0, comma);
    accept_encoding =
        comma == std::string_view::npos ? std::string_view() : accept_encoding.substr(comma + 1);
    std::size_t semi = item.find(';');
    std::string_view coding = TrimOws(item.substr(0, semi));
    bool zero = semi != std::string_view::npos && QualityIsZero(item.substr(semi + 1));
    if (EqualsIgnoreCase(coding, "gzip") || EqualsIgnoreCase(coding, "x-gzip")) return !zero;
    if (coding == "*") star = !zero;
  }
  return star;
}

bool NotModified(const Request& request, const Response& response) {
  std::string_view if_none_match = request.Header("If-None-Match");
  if (!if_none_match.empty()) {
    // RFC 9110 13.1.3: when If-None-Match is present, If-Modified-Since is ignored.
    if (TrimOws(if_none_match) == "*") return true;
    return EtagListMatches(if_none_match, response.Header("ETag"));
  }
  std::string_view if_modified_since = request.Header("If-Modified-Since");
  std::string_view last_modified = response.Header("Last-Modified");
  if (if_modified_since.empty() || last_modified.empty()) return false;
  auto since = ParseHttpDate(TrimOws(if_modified_since));
  auto modified = ParseHttpDate(TrimOws(last_modified));
  return since && modified && *since >= *modified;
}

Wire Prepare(const Request& request, Response& response, const WireOptions& options,
             Gzipper& gzipper, std::string& gzip_buffer, std::string& head) {
  head.clear();
  if (response.status < 200 || response.status > 599) {
    // 1xx cannot be a final answer; anything outside 2xx..5xx is a handler bug.
    std::string_view route = response.route;
    response = TextResponse(500, "Internal Server Error\n");
    response.route = route;
  }
  bool get_or_head = request.method == Method::kGet || request.method == Method::kHead;
  std::string_view body = response.Body();
  const BodyFile* file = response.shared_body ? response.shared_body_file.get() : nullptr;
  HeadFlags flags;
  flags.vary = response.compressible && response.status == 200 &&
               body.size() >= options.gzip_min_bytes && response.Header("Content-Encoding").empty();
  if (get_or_head && response.status == 200 && NotModified(request, response)) {
    response.status = 304;
  } else if (flags.vary && AcceptsGzip(request.Header("Accept-Encoding"))) {
    if (response.shared_gzip_body) {
      flags.gzipped = true;
      body = *response.shared_gzip_body;
      file = response.shared_gzip_file.get();
    } else if ((!response.pieces.empty() && StitchGzip(body, response.pieces, gzip_buffer)) ||
               gzipper.Compress(body, gzip_buffer)) {
      // Stitched from the page's compressed parts, or else compressed whole: made per request.
      flags.gzipped = true;
      body = gzip_buffer;
      file = nullptr;
    }
  }
  flags.no_body = response.status == 204 || response.status == 304;
  Wire wire;
  wire.content_length = flags.no_body ? 0 : body.size();
  if (!flags.no_body && request.method != Method::kHead) {
    wire.body = body;
    if (file != nullptr && file->size() == body.size()) wire.file = file;
  }
  SerializeHead(response, options, flags, wire.content_length, head);
  return wire;
}

std::string_view ReasonPhrase(int status) {
  switch (status) {
    case 100:
      return "Continue";
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    case 206:
      return "Partial Content";
    case 301:
      return "Moved Permanently";
    case 302:
      return "Found";
    case 303:
      return "See Other";
    case 304:
      return "Not Modified";
    case 307:
      return "Temporary Redirect";
    case 308:
      return "Permanent Redirect";
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 406:
      return "Not Acceptable";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 411:
      return "Length Required";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 414:
      return "URI Too Long";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Entity";
    case 429:
      return "Too Many Requests";
    case 431:
      return "Request Header Fields Too Large";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return "Unknown";
  }
}

}  // namespace warta::http::server
