// Choosing a locale from an HTTP Accept-Language header (RFC 9110 §12.5.4): language ranges
// with q-values, matched on their primary language subtag, because we ship one catalog per
// language ("en-US" and "en-GB" both mean en). Hostile input is expected here: a malformed
// range or q-value is skipped, a header over limits::kMaxAcceptLanguageBytes is ignored,
// and at most limits::kMaxAcceptLanguageRanges ranges are read.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace warta::i18n {

// The offered locale the header prefers, or "" when the header is absent, malformed, too
// long, or accepts none of them (the caller then uses its default). `offered` lists
// normalized locales ("id", "en", "ja"), the site's default first: a winning "*" picks the
// first offered locale the header does not name. Ties in q go to the earlier range; q=0
// refuses a locale, even when "*" would accept it. Thread-safe; each thread remembers its
// last answer, so a repeated header (the common case) is not parsed again.
std::string NegotiateLanguage(std::string_view header, std::span<const std::string> offered);

}  // namespace warta::i18n
