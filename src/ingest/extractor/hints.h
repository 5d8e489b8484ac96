// What class names, ids, roles and short texts tell about an element (internal to the
// module). Readability writes these as regular expressions; they are substring and word
// tests, so plain string searches do the same without a regex engine on hostile input.
// Every function takes the text as the page has it and compares without regard to ASCII case.
#pragma once

#include <string_view>

namespace warta::ingest::extractor {

// Page furniture: comments, sidebars, footers, menus, share bars, ads, pagination, ...
bool LooksUnlikely(std::string_view class_and_id);
// ... unless the same names also say article, body, content, main, column, ...
bool MaybeCandidate(std::string_view class_and_id);
// Class weight: +25 / -25 per attribute (class, id) that matches.
bool PositiveHint(std::string_view class_or_id);
bool NegativeHint(std::string_view class_or_id);
bool BylineHint(std::string_view class_and_id);
// "share" or "sharedaddy" as a word of the class/id (share buttons inside the article).
bool ShareHint(std::string_view class_and_id);
// ARIA roles of navigation and interface, not content.
bool UnlikelyRole(std::string_view role);
// The whole text of an element is only "Advertisement", "Loading…" or similar.
bool AdOrLoadingText(std::string_view inner_text);
// A URL of a video host whose embeds an article keeps (YouTube, Vimeo, ...).
bool VideoUrl(std::string_view value);
// An attribute value that names a JPEG/PNG/WebP image file (".jpg" anywhere).
bool MentionsImageFile(std::string_view value);

}  // namespace warta::ingest::extractor
