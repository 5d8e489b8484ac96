// ASCII helpers for protocol text: HTTP headers, config values, URLs, feed and charset
// labels. They never touch bytes >= 0x80, so UTF-8 passes through unchanged; text that a
// reader sees is case-folded with ICU instead (search/analyzer.h, i18n/).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace warta::ascii {

// ' ', \t, \n, \r, \f and \v: the C locale's isspace, without its locale or its undefined
// behaviour on negative chars.
constexpr bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
// The narrower white space of formats that define their own. Where one of these applies, the
// wider IsSpace would read a different document (a \f in an HTTP header value is not padding
// but a bad value), so parsers of these formats use them with Trim(text, predicate).
// HTTP's optional white space (RFC 9110 §5.6.3): SP and HTAB.
constexpr bool IsHttpSpace(char c) { return c == ' ' || c == '\t'; }
// XML's S production (XML 1.0 §2.3): SP, HTAB, CR and LF.
constexpr bool IsXmlSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
// HTML's ASCII white space (WHATWG Infra): SP, HTAB, LF, FF and CR; no \v.
constexpr bool IsHtmlSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

constexpr bool IsDigit(char c) { return c >= '0' && c <= '9'; }
constexpr bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool IsAlnum(char c) { return IsAlpha(c) || IsDigit(c); }
constexpr char ToLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}
constexpr char ToUpper(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

// The view without leading and trailing IsSpace characters (a view into `text`).
std::string_view Trim(std::string_view text);
std::string_view TrimLeft(std::string_view text);
std::string_view TrimRight(std::string_view text);
// The view without leading and trailing characters for which is_space is true, e.g.
// Trim(value, IsHttpSpace).
std::string_view Trim(std::string_view text, bool (*is_space)(char));

// A copy with A-Z lowered (other bytes unchanged).
std::string Lower(std::string_view text);
// Lowers A-Z in place.
void LowerInPlace(std::string& text);

// Equal ignoring the case of A-Z.
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
// Whether `needle` occurs in `haystack` ignoring the case of A-Z; an empty needle does.
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);

// True when the text is empty or only IsSpace characters.
bool IsBlank(std::string_view text);

// The length of the run at the start of `text` (a multiple of 8 bytes) with no '"', '\\' or
// control character below 0x20: bytes a JSON string holds as they are. Bytes from 0x80 up end
// the run too, unless `high_bytes_plain` (for a caller that checks UTF-8 on its own). Eight
// bytes are tested at once with the "has a zero byte" / "has a byte below n" word tricks,
// since most of a JSON text is such runs (feed reading and `warta feed parse`'s output).
std::size_t JsonPlainRun(std::string_view text, bool high_bytes_plain);

}  // namespace warta::ascii
