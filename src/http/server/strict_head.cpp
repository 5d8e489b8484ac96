#include "http/server/strict_head.h"

#include "core/ascii.h"

namespace warta::http::server {

bool HasObsFold(std::string_view head) {
  for (std::size_t at = head.find('\n'); at != std::string_view::npos;
       at = head.find('\n', at + 1)) {
    if (at + 1 < head.size() && (head[at + 1] == ' ' || head[at + 1] == '\t')) return true;
  }
  return false;
}

std::string_view FramingProblem(const HeadFacts& facts) {
  if (facts.version >= 11 && facts.host_fields != 1) {
    return facts.host_fields == 0 ? "HTTP/1.1 request without Host" : "more than one Host field";
  }
  if (facts.transfer_encoding_fields == 0) return {};
  if (facts.transfer_encoding_fields > 1) return "more than one Transfer-Encoding field";
  if (facts.content_length_fields > 0) return "both Transfer-Encoding and Content-Length";
  if (!ascii::EqualsIgnoreCase(ascii::Trim(facts.transfer_encoding, ascii::IsHttpSpace),
                               "chunked")) {
    return "Transfer-Encoding other than chunked";
  }
  return {};
}

}  // namespace warta::http::server
