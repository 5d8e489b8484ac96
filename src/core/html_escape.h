// HTML escaping for text placed into element content or quoted attribute values.
#pragma once

#include <string>
#include <string_view>

namespace warta {

// Replaces & < > " ' with character references, so the result is safe inside element
// content and inside single- or double-quoted attribute values. Other bytes (including
// UTF-8 sequences) are copied unchanged.
std::string EscapeHtml(std::string_view text);

// Appends the escaped form of `text` to `out` (avoids a temporary on hot paths).
void AppendEscapedHtml(std::string& out, std::string_view text);

}  // namespace warta
