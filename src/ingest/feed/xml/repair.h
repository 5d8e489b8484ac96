// Makes real-world feed text well-formed before libxml2 reads it, and takes the DTD away
// from libxml2 entirely. On the UTF-8 text:
// - the DOCTYPE is removed. Internal entities whose value is plain text (character
//   references and the five XML ones allowed) are substituted at their references, up to
//   `max_entity_bytes` in all; references to anything else (external entities, entities
//   whose value has markup or further references - where billion laughs lives) become
//   nothing. So libxml2 never sees an entity declaration: no expansion, no amplification,
//   no XXE, whatever its options;
// - a bare "&" ("Fish & Chips", "?a=1&b=2") becomes "&amp;";
// - HTML entities XML does not define (&nbsp; &eacute; &hellip; ...) become character
//   references; other undefined entities are kept as literal text ("&amp;foo;");
// - character references to characters XML forbids (&#0; &#x1B;) are dropped;
// - control characters XML forbids (U+0000-U+001F but tab/CR/LF, U+FFFE, U+FFFF) are dropped;
// - "<" that cannot start markup ("a < b", "<3") becomes "&lt;".
// Comments, CDATA sections and processing instructions are copied untouched (forbidden
// characters aside). One linear pass; the output is at most ~4x the input plus
// max_entity_bytes.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace warta::ingest::feed::xml {

// Returns the repaired text. `problem` (may be null) is set to the first repair made, e.g.
// "bare & at byte 120", and left alone when the input needed none. Removing a DOCTYPE that
// declares nothing is not a problem.
std::string RepairXml(std::string_view utf8, std::size_t max_entity_bytes, std::string* problem);

}  // namespace warta::ingest::feed::xml
