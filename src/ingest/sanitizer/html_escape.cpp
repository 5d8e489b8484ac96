#include "ingest/sanitizer/html_escape.h"

namespace warta::ingest::sanitizer::internal {
namespace {

void AppendEscaped(std::string& out, std::string_view s, bool attribute) {
  out.reserve(out.size() + s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        if (attribute) {
          out += "&quot;";
        } else {
          out += c;
        }
        break;
      case '\xC2':
        if (i + 1 < s.size() && s[i + 1] == '\xA0') {
          out += "&nbsp;";
          ++i;
        } else {
          out += c;
        }
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

void AppendEscapedText(std::string& out, std::string_view text) { AppendEscaped(out, text, false); }

void AppendEscapedAttribute(std::string& out, std::string_view value) {
  AppendEscaped(out, value, true);
}

}  // namespace warta::ingest::sanitizer::internal
