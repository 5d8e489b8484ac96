#include "http/multipart.h"

#include <algorithm>
#include <functional>

#include "core/ascii.h"

namespace warta::http {
namespace {

constexpr std::size_t kMaxBoundary = 70;

Error Bad(const std::string& what) { return Error::InvalidArgument("multipart: " + what); }

// A parameter value: a token, or a quoted string whose \" and \\ are unescaped.
std::string ParamValue(std::string_view text, std::size_t& at) {
  std::string value;
  if (at < text.size() && text[at] == '"') {
    for (++at; at < text.size() && text[at] != '"'; ++at) {
      if (text[at] == '\\' && at + 1 < text.size()) ++at;
      value += text[at];
    }
    if (at < text.size()) ++at;  // the closing quote
    return value;
  }
  while (at < text.size() && text[at] != ';' && !ascii::IsSpace(text[at])) value += text[at++];
  return value;
}

// The parameters of a header value "type; a=1; b=\"x\"": calls on(name, value) for each.
template <typename On>
std::string_view ForEachParam(std::string_view value, On on) {
  const std::size_t semicolon = value.find(';');
  const std::string_view type = ascii::Trim(value.substr(0, semicolon));
  std::size_t at = semicolon == std::string_view::npos ? value.size() : semicolon + 1;
  while (at < value.size()) {
    while (at < value.size() && (ascii::IsSpace(value[at]) || value[at] == ';')) ++at;
    const std::size_t eq = value.find('=', at);
    if (eq == std::string_view::npos) break;
    const std::string name = ascii::Lower(ascii::Trim(value.substr(at, eq - at)));
    at = eq + 1;
    on(name, ParamValue(value, at));
    at = std::min(value.find(';', at), value.size());
  }
  return type;
}

// The header lines of one part (without the blank line) into `part`.
Result<void> ReadPartHeaders(std::string_view headers, MultipartPart& part) {
  bool form_data = false;
  while (!headers.empty()) {
    const std::size_t end = headers.find("\r\n");
    const std::string_view line = headers.substr(0, end);
    headers.remove_prefix(end == std::string_view::npos ? headers.size() : end + 2);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 || ascii::IsSpace(line[0])) {
      return Bad("a part has a malformed header line");
    }
    const std::string_view name = line.substr(0, colon);
    const std::string_view value = ascii::Trim(line.substr(colon + 1));
    if (ascii::EqualsIgnoreCase(name, "content-disposition")) {
      const std::string_view type = ForEachParam(value, [&](const std::string& n, std::string v) {
        if (n == "name") {
          part.name = std::move(v);
        } else if (n == "filename") {
          part.filename = std::move(v);
        }
      });
      form_data = ascii::EqualsIgnoreCase(type, "form-data");
    } else if (ascii::EqualsIgnoreCase(name, "content-type")) {
      part.content_type = std::string(value);
    }
  }
  if (!form_data || part.name.empty()) {
    return Bad("a part has no Content-Disposition: form-data with a name");
  }
  return Ok();
}

}  // namespace

Result<std::string> MultipartBoundary(std::string_view content_type) {
  std::string boundary;
  const std::string_view type =
      ForEachParam(content_type, [&](const std::string& n, std::string v) {
        if (n == "boundary") boundary = std::move(v);
      });
  if (!ascii::EqualsIgnoreCase(type, "multipart/form-data")) {
    return Bad("expected Content-Type multipart/form-data, got '" +
               std::string(type.substr(0, 100)) + "'");
  }
  if (boundary.empty() || boundary.size() > kMaxBoundary) {
    return Bad("the Content-Type has no boundary of 1 to 70 characters");
  }
  return boundary;
}

Result<std::vector<MultipartPart>> ParseMultipart(std::string_view body, std::string_view boundary,
                                                  const MultipartLimits& limits) {
  if (boundary.empty() || boundary.size() > kMaxBoundary) return Bad("bad boundary");
  // Every delimiter after the first is CRLF "--" boundary; the first may open the body.
  const std::string delimiter = "\r\n--" + std::string(boundary);
  const std::boyer_moore_horspool_searcher search(delimiter.begin(), delimiter.end());
  auto find = [&](std::size_t from) {
    auto it = std::search(body.begin() + static_cast<std::ptrdiff_t>(from), body.end(), search);
    return it == body.end() ? std::string_view::npos : static_cast<std::size_t>(it - body.begin());
  };
  std::size_t at = 0;
  if (body.substr(0, delimiter.size() - 2) == std::string_view(delimiter).substr(2)) {
    at = delimiter.size() - 2;
  } else {
    const std::size_t first = find(0);
    if (first == std::string_view::npos) return Bad("the body does not contain the boundary");
    at = first + delimiter.size();
  }
  std::vector<MultipartPart> parts;
  for (;;) {
    // After a delimiter: "--" closes the body; otherwise optional spaces and CRLF.
    if (body.substr(at, 2) == "--") return parts;
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
    if (body.substr(at, 2) != "\r\n") return Bad("a boundary line is malformed or the body is cut");
    at += 2;
    if (parts.size() == limits.max_parts) {
      return Bad("more than " + std::to_string(limits.max_parts) + " parts");
    }
    const std::size_t blank = body.find("\r\n\r\n", at);
    const bool no_headers = body.substr(at, 2) == "\r\n";
    const std::size_t headers_end = no_headers ? at : blank;
    if (headers_end == std::string_view::npos || headers_end - at > limits.max_part_header_bytes) {
      return Bad("a part's headers are missing, cut or longer than " +
                 std::to_string(limits.max_part_header_bytes) + " bytes");
    }
    MultipartPart part;
    WARTA_RETURN_IF_ERROR(ReadPartHeaders(body.substr(at, headers_end - at), part));
    const std::size_t content = headers_end + (no_headers ? 2 : 4);
    const std::size_t next = find(content);
    if (next == std::string_view::npos) return Bad("the closing boundary is missing");
    part.body = body.substr(content, next - content);
    parts.push_back(std::move(part));
    at = next + delimiter.size();
  }
}

const MultipartPart* FindPart(const std::vector<MultipartPart>& parts, std::string_view name) {
  for (const MultipartPart& part : parts) {
    if (part.name == name) return &part;
  }
  return nullptr;
}

}  // namespace warta::http
