#include "search/analyzer_ascii.h"

namespace warta::search {
namespace {

bool IsAsciiByte(char c) { return static_cast<unsigned char>(c) < 0x80; }

// ICU breaks at `at` (0 < at < text.size()) whatever comes before or after: after a line feed
// (WB3a), or after a space followed by an ASCII character other than a space (a space joins
// only a following space, WB3d, or a following combining mark, WB4: neither is ASCII).
bool SafeBreak(std::string_view text, std::size_t at) {
  const char before = text[at - 1];
  if (before == '\n') return true;
  const char after = text[at];
  return before == ' ' && after != ' ' && IsAsciiByte(after);
}

}  // namespace

Chunk NextChunk(std::string_view text, std::size_t begin) {
  const std::size_t n = text.size();
  std::size_t i = begin;
  while (i < n && IsAsciiByte(text[i])) ++i;
  if (i == n) return {n, true};
  // An ASCII run up to its last safe break, if it has one.
  for (std::size_t at = i; at > begin; --at) {
    if (SafeBreak(text, at)) return {at, true};
  }
  // Non-ASCII from `begin` on: to the first safe break after the first non-ASCII byte.
  for (std::size_t at = i + 1; at < n; ++at) {
    if (SafeBreak(text, at)) return {at, false};
  }
  return {n, false};
}

bool IsFoldStable(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  for (std::size_t i = 0; i < n; i += 3) {
    // Every code point below is three bytes long in UTF-8: 1110xxxx 10xxxxxx 10xxxxxx.
    if (n - i < 3 || (p[i] & 0xF0) != 0xE0 || (p[i + 1] & 0xC0) != 0x80 ||
        (p[i + 2] & 0xC0) != 0x80) {
      return false;
    }
    const char32_t c = ((p[i] & 0x0Fu) << 12) | ((p[i + 1] & 0x3Fu) << 6) | (p[i + 2] & 0x3Fu);
    const bool stable = (c >= 0x3041 && c <= 0x3096) ||  // hiragana
                        (c >= 0x30A1 && c <= 0x30FA) ||  // katakana
                        c == 0x30FC ||                   // the long vowel mark
                        (c >= 0x4E00 && c <= 0x9FFF);    // CJK unified ideographs
    if (!stable) return false;
  }
  return true;
}

}  // namespace warta::search
