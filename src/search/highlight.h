// Highlighted snippets: storage returns text in which every match is wrapped in
// kMatchBegin ... kMatchEnd (control characters that stored text never contains, because
// the index strips them); MarkedToHtml turns that into safe HTML with <mark> elements.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace warta::search {

inline constexpr char kMatchBegin = '\x02';
inline constexpr char kMatchEnd = '\x03';

// HTML-escapes `marked` and turns the match markers into <mark>...</mark>. Unbalanced
// markers are tolerated (a missing end is closed at the end); other control characters
// except tab and newline are dropped, so the output is always well-formed.
std::string MarkedToHtml(std::string_view marked);

// `marked` cut into plain-text parts, each a match or not, for templates that escape every
// part themselves (no raw HTML in templates). Control characters are dropped as above.
struct MarkedPart {
  std::string text;
  bool match = false;
};
std::vector<MarkedPart> SplitMarked(std::string_view marked);

// `marked` without its markers: plain text.
std::string MarkedToText(std::string_view marked);

}  // namespace warta::search
