// Listing excerpts: a short plain-text lead from an article's (sanitized) HTML body.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace warta::storage {

inline constexpr std::size_t kExcerptBytes = 280;

// Plain text of `html` (tags dropped, block tags and whitespace runs become one space,
// common entities decoded, script/style content skipped), without picture captions (<figure>,
// <figcaption>, and a first paragraph that reads as a wire photo's caption with its credit:
// "… in Tokyo (Kyodo)"), cut to at most `max_bytes` bytes
// on a UTF-8 boundary, preferably at a word boundary, with "…" appended when cut.
// Crude on purpose: bodies were sanitized before storing, so this never sees hostile markup
// that matters; it only has to read well in a listing.
std::string MakeExcerpt(std::string_view html, std::size_t max_bytes = kExcerptBytes);

// The whole plain text of `html`, by the same rules as MakeExcerpt (the search index's body).
std::string HtmlToText(std::string_view html);

}  // namespace warta::storage
