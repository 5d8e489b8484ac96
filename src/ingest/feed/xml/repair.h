// Repairs the breakages of real-world feeds that XML parsers cannot recover from well, on the
// UTF-8 text before libxml2 reads it:
// - a bare "&" ("Fish & Chips", "?a=1&b=2") becomes "&amp;";
// - HTML entities XML does not define (&nbsp; &eacute; &hellip; ...) become character
//   references; other undefined entities are kept as literal text ("&amp;foo;");
// - character references to characters XML forbids (&#0; &#x1B;) are dropped;
// - control characters XML forbids (U+0000-U+001F but tab/CR/LF, U+FFFE, U+FFFF) are dropped;
// - "<" that cannot start markup ("a < b", "<3") becomes "&lt;".
// Comments, CDATA sections, processing instructions and the DOCTYPE are copied untouched
// (control characters aside); entities declared in the internal subset stay references.
// One linear pass; the output is at most ~6x the input (each "<" -> "&lt;" is the worst).
#pragma once

#include <string>
#include <string_view>

namespace warta::ingest::feed::xml {

// Returns the repaired text. `problem` (may be null) is set to the first repair made, e.g.
// "bare & at byte 120", and left alone when the input needed none.
std::string RepairXml(std::string_view utf8, std::string* problem);

}  // namespace warta::ingest::feed::xml
