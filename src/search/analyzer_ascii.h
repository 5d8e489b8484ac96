// The analyzer's fast path (search/analyzer.h): word breaks of ASCII text without ICU.
//
// Indonesian and English text is mostly ASCII, and for ASCII the Unicode word break rules
// (UAX #29, as ICU's root word rules apply them) come down to a few character classes:
// letters (and '@', a letter to ICU) and digits join (WB5, WB8–WB10); '_' joins them (WB13a/b); '.'
// and '\'' join two letters or two digits, ',' and ';' two digits (WB6/7, WB11/12); everything else
// breaks. ICU's rule status is that of the last pair joined: a word ending in a letter is letters,
// one ending in a digit a number, one ending in '_' takes the kind of what the '_' follows
// ("__" is letters, a lone "_" no word at all). analyzer_ascii_test.cpp compares this with
// ICU word by word, over random ASCII and over the corpus.
//
// Text that is not all ASCII is cut into chunks at places where ICU always breaks, whatever
// surrounds them: after a line feed, and after a space that an ASCII character other than a
// space follows. A break iterator starts afresh at a break, so ICU run over a chunk finds the
// breaks it finds in the whole text; ASCII chunks take the fast path, the others ICU.
#pragma once

#include <cstddef>
#include <string_view>

#include "search/analyzer.h"

namespace warta::search {

struct Chunk {
  std::size_t end = 0;  // text[begin, end) is the chunk
  bool ascii = false;   // true: every byte < 0x80
};

// The chunk that starts at `begin` (< text.size()): the longest ASCII run that ends at a safe
// break (or at the end of the text), else the shortest run holding the next non-ASCII bytes
// that ends at a safe break (or at the end).
Chunk NextChunk(std::string_view text, std::size_t begin);

// Calls on_word(begin, end, kind) for every word of the ASCII `text`, in order, as ICU's word
// break iterator would find them (offsets into `text`). Returns false when on_word did.
template <typename OnWord>
bool ForEachAsciiWord(std::string_view text, OnWord&& on_word);

// True when `text` is UTF-8 of hiragana, katakana (U+30A1..U+30FA, U+30FC) and CJK unified
// ideographs only: NFKC_Casefold leaves such text as it is (none of them has a decomposition
// or a case, and no two of them compose), so Japanese words skip ICU's normalizer.
bool IsFoldStable(std::string_view text);

// --- implementation ---

namespace ascii_words {

enum Class : unsigned char { kOther, kLetter, kDigit, kUnderscore, kMidNumLet, kMidNum };

constexpr Class ClassOf(char c) {
  // ICU counts '@' among the letters (its rules keep e-mail addresses whole).
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@') return kLetter;
  if (c >= '0' && c <= '9') return kDigit;
  if (c == '_') return kUnderscore;
  if (c == '.' || c == '\'') return kMidNumLet;
  if (c == ',' || c == ';') return kMidNum;
  return kOther;
}

constexpr bool Joins(Class c) { return c == kLetter || c == kDigit || c == kUnderscore; }

}  // namespace ascii_words

template <typename OnWord>
bool ForEachAsciiWord(std::string_view text, OnWord&& on_word) {
  using namespace ascii_words;
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    Class last = ClassOf(text[i]);
    if (!Joins(last)) {
      ++i;
      continue;
    }
    const std::size_t begin = i++;
    Class before_last = kOther;
    while (i < n) {
      const Class next = ClassOf(text[i]);
      if (Joins(next)) {
        before_last = last;
        last = next;
        ++i;
        continue;
      }
      // A middle character joins only between two letters or two digits.
      const bool mid = (next == kMidNumLet && (last == kLetter || last == kDigit)) ||
                       (next == kMidNum && last == kDigit);
      if (mid && i + 1 < n && ClassOf(text[i + 1]) == last) {
        before_last = next;
        i += 2;
        continue;
      }
      break;
    }
    WordKind kind = WordKind::kLetters;
    if (last == kDigit) {
      kind = WordKind::kNumber;
    } else if (last == kUnderscore) {
      if (i - begin == 1) continue;  // "_" alone: punctuation
      if (before_last == kDigit) kind = WordKind::kNumber;
    }
    if (!on_word(begin, i, kind)) return false;
  }
  return true;
}

}  // namespace warta::search
