// Escaping of text for HTML and XML output: the one escaper every module uses. The callers'
// outputs differ in small ways that their readers and stored data rely on (the sanitizer keeps
// quotes in text so its output is idempotent, feeds out write &apos;, feed adapters turn line
// breaks into <br>), so those differences are options here rather than separate copies.
//
// All functions are pure and reentrant.
#pragma once

#include <string>
#include <string_view>

namespace warta {

// How ' is written.
enum class Apostrophe {
  kKeep,     // as is (text content, double-quoted attributes)
  kNumeric,  // &#39; (HTML 4 has no &apos;)
  kNamed,    // &apos; (XML)
};

// What is replaced. The defaults are EscapeHtml's: safe in element content and in single- or
// double-quoted attribute values of HTML and XML.
struct EscapeOptions {
  bool markup = true;        // & < > as &amp; &lt; &gt; (false only to clean text, see xml_chars)
  bool double_quote = true;  // " as &quot;
  Apostrophe apostrophe = Apostrophe::kNumeric;
  bool nbsp = false;         // U+00A0 as &nbsp;, so that it stays visible in the source
  bool line_breaks = false;  // LF as <br>
  // Makes the text something XML 1.0 can carry: each byte of invalid UTF-8 (overlong forms,
  // surrogates, values past U+10FFFF, truncated sequences) becomes U+FFFD; C0 controls other
  // than tab, LF and CR, DEL, the C1 controls (U+0080..U+009F; XML allows them but every
  // reader shows garbage or nothing), U+FFFE and U+FFFF are dropped. When false, every byte
  // not replaced above is copied unchanged, valid UTF-8 or not.
  bool xml_chars = false;
};

// Appends `text` to `out` with the replacements `options` asks for.
void AppendEscaped(std::string& out, std::string_view text, const EscapeOptions& options);

// `text` with the replacements `options` asks for.
std::string Escaped(std::string_view text, const EscapeOptions& options);

// `text` with the control characters xml_chars drops removed (and invalid UTF-8 made U+FFFD),
// nothing escaped: for every text a reader or editor sends that ends up in HTML or XML
// (comments, article fields, names), cleaned as it comes in (issue 16, finding 8).
std::string StripControlCharacters(std::string_view text);

// Replaces & < > " ' with character references (' as &#39;), so the result is safe inside
// element content and inside single- or double-quoted attribute values. Other bytes (including
// UTF-8 sequences) are copied unchanged.
std::string EscapeHtml(std::string_view text);

// Appends the escaped form of `text` to `out` (avoids a temporary on hot paths).
void AppendEscapedHtml(std::string& out, std::string_view text);

}  // namespace warta
