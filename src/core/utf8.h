// UTF-8 well-formedness, as RFC 3629 defines it: no overlong forms, no surrogates, nothing
// above U+10FFFF. Every text from outside (feeds, forms, JSON, config) is checked with this
// before it is stored or rendered.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace warta::utf8 {

// True when `text` is well-formed UTF-8. On false, *bad_offset (when given) is the offset of
// the first byte that does not start a well-formed sequence.
bool IsValid(std::string_view text, std::size_t* bad_offset = nullptr);

// The same answer as IsValid, faster on mostly-ASCII input (markup): runs of ASCII are
// skipped eight bytes at a time. For whole documents such as feeds.
bool IsValidMostlyAscii(std::string_view text);

// Appends the UTF-8 encoding of `code_point`, which the caller has checked to be a Unicode
// scalar value (at most U+10FFFF, not a surrogate).
void Append(std::string& out, char32_t code_point);

// Next for a byte of 0x80 or above: the multi-byte sequence (or U+FFFD) at text[i].
char32_t NextMultiByte(std::string_view text, std::size_t& i);

// Decodes the code point at text[i] and moves i past it. A byte that does not start a
// well-formed sequence gives U+FFFD and moves i by one byte (as a browser would show it), so
// a loop over any bytes ends. Requires i < text.size().
// Inline for ASCII: the extractor's text measures call it for every character of a page, and
// the call was a tenth of extracting one.
inline char32_t Next(std::string_view text, std::size_t& i) {
  const auto byte = static_cast<unsigned char>(text[i]);
  if (byte < 0x80) {
    ++i;
    return byte;
  }
  return NextMultiByte(text, i);
}

// The length of `text` cut to at most `max_bytes` without splitting a sequence (for
// truncating well-formed text).
std::size_t CutPoint(std::string_view text, std::size_t max_bytes);

}  // namespace warta::utf8
