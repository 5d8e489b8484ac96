// Numeric character references too large for any code point ("&#x41414141414141;"), rewritten
// before gumbo sees them. The HTML standard reads each as U+FFFD. Debian 12's gumbo (0.10.1)
// accumulates the digits in an int: past INT_MAX the value wraps negative, slips under its
// "above U+10FFFF" check and comes out as one raw byte, which is not UTF-8 (found by the feed
// fuzzer: a feed title with "&#xAAAA…Ae" came out with a bare 0xAE byte).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace warta::ingest::sanitizer::internal {

// `html` with every numeric reference above U+10FFFF, with its ";" if it has one, replaced by
// U+FFFD itself (what it means), or nullopt when there is none (the common case, no copy).
std::optional<std::string> RewriteOversizedCharRefs(std::string_view html);

}  // namespace warta::ingest::sanitizer::internal
