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

}  // namespace warta::search
