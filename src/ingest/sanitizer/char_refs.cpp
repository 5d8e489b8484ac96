#include "ingest/sanitizer/char_refs.h"

#include <cstdint>

namespace warta::ingest::sanitizer::internal {
namespace {

constexpr std::uint32_t kMaxCodePoint = 0x10FFFF;
constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

int DigitValue(char c, bool hex) {
  if (c >= '0' && c <= '9') return c - '0';
  if (hex && c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (hex && c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// At `at` (a '&'): whether a numeric reference starts there whose value is above U+10FFFF,
// and where its digits end.
bool OversizedRefAt(std::string_view html, std::size_t at, std::size_t* digits_end) {
  std::size_t p = at + 1;
  if (p >= html.size() || html[p] != '#') return false;
  ++p;
  const bool hex = p < html.size() && (html[p] == 'x' || html[p] == 'X');
  if (hex) ++p;
  std::uint32_t value = 0;  // saturates just above the largest code point: never wraps
  const std::size_t first = p;
  for (int d; p < html.size() && (d = DigitValue(html[p], hex)) >= 0; ++p) {
    value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    if (value > kMaxCodePoint) value = kMaxCodePoint + 1;
  }
  *digits_end = p;
  return p > first && value > kMaxCodePoint;
}

}  // namespace

std::optional<std::string> RewriteOversizedCharRefs(std::string_view html) {
  std::optional<std::string> out;
  std::size_t copied = 0;  // html[0, copied) is in *out already
  for (std::size_t at = html.find("&#"); at != std::string_view::npos;
       at = html.find("&#", at + 1)) {
    std::size_t end = 0;
    if (!OversizedRefAt(html, at, &end)) continue;
    if (!out) out.emplace().reserve(html.size());
    out->append(html.substr(copied, at - copied));
    // The character itself, not "&#xFFFD": digits after the reference ("&#1114112AA") would
    // extend a new one into another oversized value. Its ";", if any, belongs to it.
    out->append(kReplacementCharacter);
    if (end < html.size() && html[end] == ';') ++end;
    copied = end;
    at = end - 1;
  }
  if (!out) return std::nullopt;
  out->append(html.substr(copied));
  return out;
}

}  // namespace warta::ingest::sanitizer::internal
