// multipart/form-data bodies (RFC 7578), as browsers and curl send file uploads. Beast (1.74)
// has no parser for them and no Debian library fits a body already in memory, so this one is
// written here: small, bounded, and strict where being lenient would hide a broken client.
//
// The parts are views into the body: valid as long as the body is (a handler's call).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace warta::http {

struct MultipartPart {
  std::string name;          // Content-Disposition's name
  std::string filename;      // its filename; empty when absent (a plain field)
  std::string content_type;  // as declared (never trusted for what the bytes are)
  std::string_view body;
};

struct MultipartLimits {
  std::size_t max_parts = 16;
  std::size_t max_part_header_bytes = std::size_t{8} * 1024;  // all header lines of one part
};

// The boundary parameter of a "multipart/form-data; boundary=…" Content-Type (quoted or
// not, 1..70 characters as RFC 2046 allows). InvalidArgument for another type or no boundary.
Result<std::string> MultipartBoundary(std::string_view content_type);

// Every part of the body, in order. InvalidArgument (with what is wrong) when the body does
// not start with the boundary, a part has no Content-Disposition form-data name, the closing
// boundary is missing, or a limit is passed. Whatever precedes the first boundary (a preamble)
// and follows the last is ignored, as RFC 2046 says. Linear in the body's size.
Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  const MultipartLimits& limits = {});

// The first part named `name`, or null.
const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name);

}  // namespace warta::http
