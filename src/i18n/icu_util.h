// Internal helpers shared by the i18n sources: UTF-8 <-> ICU strings and status checks.
#pragma once

#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <string>
#include <string_view>

namespace warta::i18n::internal {

inline std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  text.toUTF8String(out);
  return out;
}

// Invalid UTF-8 sequences become U+FFFD; ICU never reads past the given length.
inline icu::UnicodeString FromUtf8(std::string_view text) {
  return icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
}

inline std::string StatusText(UErrorCode status) { return u_errorName(status); }

}  // namespace warta::i18n::internal
