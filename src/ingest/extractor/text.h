// Text measures the scorer needs, defined the way readability (JavaScript) defines them, on
// UTF-8 (internal to the module).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace warta::ingest::extractor {

// JavaScript's \s and String.prototype.trim white space: ASCII spaces, NBSP, the Unicode
// space separators, line/paragraph separators and the BOM.
// IsJsSpace for code points from U+0080 on.
bool IsNonAsciiJsSpace(char32_t c);
inline bool IsJsSpace(char32_t c) {
  // Inline for ASCII, as utf8::Next: called for every character of a page.
  if (c < 0x80) return c == 0x20 || (c >= 0x09 && c <= 0x0D);
  return IsNonAsciiJsSpace(c);
}

// Length in UTF-16 code units, as JavaScript's String.length.
std::size_t JsLength(std::string_view text);

std::string_view TrimJsSpace(std::string_view text);
// Trims, then replaces runs of two or more white space characters with one space.
std::string NormalizeSpaces(std::string_view text);
// Collapses every run of white space into one space and trims (document.title).
std::string CollapseSpaces(std::string_view text);
bool IsBlank(std::string_view text);

// Commas of Latin, Arabic, CJK and other scripts.
std::size_t CountCommas(std::string_view text);
// str.split(/\s+/).length
std::size_t WordCount(std::string_view text);
// Readability's _textSimilarity: 1 when every (ASCII) word of b occurs in a, 0 when none.
double TextSimilarity(std::string_view a, std::string_view b);

// Replaces &quot; &amp; &apos; &lt; &gt; and numeric references (pages often escape meta
// values twice).
std::string UnescapeBasicEntities(std::string_view text);

}  // namespace warta::ingest::extractor
