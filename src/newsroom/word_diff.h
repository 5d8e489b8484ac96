// A word-level diff of two texts as HTML, for the editor's revision history and for "source
// updated" (docs/decisions/0009-newsroom.md): Myers' O(ND) algorithm over words (and the
// spaces and punctuation between them), the common start and end taken off first.
// Each changed region (changes separated only by white space are one) is shown as its
// removed words in one <del> followed by its added words in one <ins>; everything is
// HTML-escaped.
//
// Bounded: changed middles over kMaxDiffWords tokens a side (words and the spaces between
// them), or more than kMaxEditWords differences, are shown as replaced whole (one <del> and
// one <ins>), so a diff costs at most O(kMaxEditWords^2) memory (4 MB) and
// O(tokens * kMaxEditWords) time.
//
// Thread safety: reentrant.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace warta::newsroom {

inline constexpr std::size_t kMaxDiffWords = 50'000;
inline constexpr std::size_t kMaxEditWords = 1'000;

struct WordDiff {
  std::string html;
  std::size_t removed = 0;  // tokens (words, spaces, punctuation) removed
  std::size_t added = 0;
  bool whole = false;  // over a bound: shown as replaced whole
};

WordDiff DiffWords(std::string_view before, std::string_view after);

}  // namespace warta::newsroom
