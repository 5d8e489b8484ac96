// warta's own request and response values. Handlers see only these, never Beast types, so
// they are tested without sockets and Beast stays out of every header but the server's.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "http/body_file.h"
#include "http/gzip.h"

namespace warta::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);

// Views into the server's buffers: valid only during the handler call (handlers are
// synchronous). Header names are compared case-insensitively.
struct Request {
  Method method = Method::kGet;
  std::string_view target;  // as sent: path + "?" + query
  std::string_view path;    // percent-encoded, without the query
  std::string_view query;   // without the "?"
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::string_view body;
  std::string remote_address;  // peer address, or X-Forwarded-For from a trusted proxy
  bool secure = false;         // TLS at a trusted proxy (X-Forwarded-Proto: https)

  // First value of a header, empty when absent.
  std::string_view Header(std::string_view name) const;
  // Value of a cookie, empty when absent.
  std::string_view Cookie(std::string_view name) const;
  // Decoded value of a query parameter, empty when absent.
  std::string QueryParam(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers
  std::string body;
  // Set by the router: which route answered, for metrics labels and the access log.
  std::string_view route = "unmatched";
  // Whether the server may gzip the body for a client that accepts it.
  bool compressible = true;
  // A body shared with a cache (a page rendered once and kept by the web layer): sent
  // without copying it per request. When set, `body` is ignored.
  std::shared_ptr<const std::string> shared_body;
  // Optional: the gzip encoding of shared_body, made once by the cache; sent as is to
  // clients that accept gzip instead of compressing on every request.
  std::shared_ptr<const std::string> shared_gzip_body;
  // Optional: the same bytes as shared_body / shared_gzip_body in a file the server sends
  // with sendfile (http/body_file.h: big bodies only). Each must hold exactly its string's
  // bytes; a file whose size differs is ignored.
  std::shared_ptr<const BodyFile> shared_body_file;
  std::shared_ptr<const BodyFile> shared_gzip_file;
  // Optional: `body` as fixed parts compressed once and live ranges (http/gzip.h), so the
  // server stitches its gzip encoding instead of compressing the whole page per request.
  // `pieces_owner` keeps the fixed parts alive (the cache entry they belong to). Empty, or
  // not covering the body exactly: the body is compressed as usual.
  std::vector<BodyPiece> pieces;
  std::shared_ptr<const void> pieces_owner;

  void SetHeader(std::string name, std::string value);
  std::string_view Header(std::string_view name) const;
  // The identity body: *shared_body when set, else body.
  std::string_view Body() const { return shared_body ? std::string_view(*shared_body) : body; }
  // Replaces body[at, at + size) with `text`, keeping `pieces` right: the range must lie in
  // one live piece, else the pieces are dropped (the page is then compressed whole).
  void ReplaceInBody(std::size_t at, std::size_t size, std::string_view text);
};

Response TextResponse(int status, std::string body);
Response JsonResponse(int status, std::string body);
Response RedirectResponse(int status, std::string location);

// Percent-decodes a URL component; '+' becomes ' ' when form is true. Invalid escapes are
// kept as they are.
std::string PercentDecode(std::string_view text, bool form);

// HTTP dates (IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT") for Last-Modified, Expires, etc.
std::string FormatHttpDate(std::int64_t unix_seconds);
// Parses an IMF-fixdate; nullopt for anything else (obsolete formats are not accepted).
std::optional<std::int64_t> ParseHttpDate(std::string_view text);

}  // namespace warta::http
