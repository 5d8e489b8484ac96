// Where the HTTP parser is stricter than Beast (RFC 9112): leniencies that let a front proxy
// and this server disagree on where a request ends (request smuggling) are refused with 400.
// Pure functions over the raw head and a few facts about its fields, tested without sockets.
#pragma once

#include <string_view>

namespace warta::http::server {

// Whether a request head (its bytes up to the blank line) uses obsolete line folding: a
// field line that starts with a space or tab (RFC 9112 5.2). Beast joins such lines.
bool HasObsFold(std::string_view head);

// What the framing checks need to know about a parsed head.
struct HeadFacts {
  int version = 11;  // 10 or 11
  int host_fields = 0;
  int content_length_fields = 0;
  int transfer_encoding_fields = 0;
  std::string_view transfer_encoding;  // the value of the (only) Transfer-Encoding field
};

// The reason to refuse the head with 400, or empty when it is acceptable:
// HTTP/1.1 without exactly one Host; more than one Transfer-Encoding field or one that is
// not exactly "chunked" (we decode no other coding, and "chunked, identity" is a smuggling
// classic); Transfer-Encoding together with Content-Length. Differing Content-Length fields
// Beast refuses itself.
std::string_view FramingProblem(const HeadFacts& facts);

}  // namespace warta::http::server
