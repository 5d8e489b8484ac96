// HTML sanitizer: turns untrusted HTML (article bodies, feed content, comments rendered from
// Markdown) into HTML that is safe to print raw inside a page of this site.
//
// The input is parsed as an HTML5 fragment (gumbo, as if inside a <div>), so the tree we clean
// is the tree a browser would build. The output is written by our own serializer from an
// allowlist of elements and attributes; nothing of the input's original text is copied
// through. Safe means: re-parsed by a browser, the output holds no script, no event handler,
// no javascript:/vbscript:/data: URL, no active element (object, embed, form, svg, math,
// style, meta, base, link, iframe other than allowlisted https hosts), and no id/class/style
// that could restyle or clobber the page around it.
//
// Thread safety: every function here is reentrant; options are read-only.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace warta::ingest::sanitizer {

// Inputs above this are refused (empty output, SanitizeReport::too_large): larger than any
// article body we accept (limits::kMaxBodyBytes), and gumbo's cost grows fast with size.
inline constexpr std::size_t kMaxInputBytes = std::size_t{4} * 1024 * 1024;
// Elements nested deeper than this in the output are unwrapped (their content stays, flat).
// Real content never comes close; it bounds what the page's layout has to cope with.
inline constexpr int kMaxDepth = 100;
// CPU time gumbo may spend on one input. HTML5 tree building is quadratic in nesting depth
// (start tags scan the stack of open elements), so 100 KB of hostile "<div><div>..." would
// take gumbo ~10 s, while 4 MB of ordinary article HTML parses in well under 1 s. Over budget:
// empty output, SanitizeReport::too_complex.
inline constexpr double kMaxParseCpuSeconds = 2.0;

enum class Profile {
  kArticle,  // article bodies and feed content: text, links, images, lists, tables, headings
  kComment,  // reader comments: p br a em strong code pre blockquote ul ol li, nothing else
};

struct SanitizeOptions {
  // Absolute http(s) URL the input came from; relative URLs are resolved against it. Empty or
  // invalid: relative URLs are kept only if they are plainly relative ("/x", "x.html", "#f").
  std::string base_url;
  // Hosts (exact, case-insensitive) whose https pages may be embedded with <iframe>, e.g.
  // "www.youtube-nocookie.com". Empty: no iframes. Ignored for Profile::kComment.
  std::vector<std::string> iframe_hosts;
  // false: <img> elements are dropped (the text around them stays).
  bool allow_images = true;
  // Non-empty: an <img> is kept only when its src is a path on this site starting with this
  // prefix ("/media/": the newsroom's own images, served by warta) and without "..".
  std::string image_path_prefix;
  Profile profile = Profile::kArticle;
};

// What the sanitizer did, for logs and metrics; all fields are advisory except the two flags,
// which tell why the output is empty.
struct SanitizeReport {
  bool too_large = false;              // input over kMaxInputBytes: output is empty
  bool too_complex = false;            // parsing hit kMaxParseCpuSeconds: output is empty
  std::size_t dropped_elements = 0;    // removed with their content (script, form, svg, ...)
  std::size_t unwrapped_elements = 0;  // removed, content kept (unknown or disallowed tags)
  std::size_t dropped_attributes = 0;  // attributes not allowed, or with a refused URL
  bool depth_limited = false;          // some elements were unwrapped beyond kMaxDepth
};

// Returns the safe HTML of `html` (UTF-8; invalid bytes become U+FFFD). The output can be
// longer than the input (end tags, escapes, absolute URLs): callers with a size limit check it.
// Links get rel="noopener noreferrer nofollow" (plus "ugc" for comments), images loading="lazy"
// decoding="async", iframes a sandbox. Idempotent: Sanitize(Sanitize(x)) == Sanitize(x).
// `report`, when given, is filled in.
std::string Sanitize(std::string_view html, const SanitizeOptions& options,
                     SanitizeReport* report = nullptr);

// The text of `html` as a reader sees it: scripts, styles and other invisible content left
// out, runs of white space collapsed to one space, <br> and block ends as line breaks, and
// paragraphs, headings, lists and tables separated by a blank line; no leading or trailing
// white space. For search, snippets and the "text" of extracted articles. Inputs refused by
// the same limits as Sanitize give "" (see report).
std::string ToPlainText(std::string_view html, SanitizeReport* report = nullptr);

}  // namespace warta::ingest::sanitizer
