// URL cleaning and RFC 3986 resolution for the sanitizer (also usable by the feed parser and
// the extractor to make links absolute).
//
// Hand-written on purpose: libcurl's URL API knows only curl's own schemes (no mailto:),
// rewrites what it parses (percent-encoding, IDN) and would pull libcurl into this module,
// while RFC 3986 §5.2 resolution is a page of code that we can test exhaustively.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace warta::ingest::sanitizer {

// Which schemes a URL attribute accepts.
enum class UrlKind {
  kLink,   // <a href>, cite: http, https, mailto
  kMedia,  // <img src>, <iframe src>: http, https
};

// Makes an attribute value safe to use as a URL, or refuses it (nullopt):
// - leading/trailing controls and spaces are trimmed, controls inside removed, spaces inside
//   become %20, and "\" becomes "/" before the query (as browsers do for http), so
//   "java\tscript:" and " javascript:" are seen for what they are;
// - anything with a scheme other than the kind's is refused (javascript:, data:, file:, ...),
//   as is anything whose part before ":" is not a valid scheme ("java script:");
// - "//host/x" gets base_url's scheme (https without a base);
// - relative references are resolved against base_url (an absolute http(s) URL) when it is
//   valid, otherwise kept as they are (they cannot carry a scheme at this point);
// - http(s) URLs must have a host; their path has "." and ".." segments removed;
// - longer than limits::kMaxUrlBytes: refused.
// The result is stable: CleanUrl(*CleanUrl(x, b, k), b, k) == CleanUrl(x, b, k).
std::optional<std::string> CleanUrl(std::string_view raw, std::string_view base_url, UrlKind kind);

// RFC 3986 §5.2 resolution of `reference` against the absolute URL `base` (any scheme),
// with dot-segment removal. nullopt if base is not absolute. No cleaning or scheme checks.
std::optional<std::string> ResolveUrl(std::string_view base, std::string_view reference);

// The lower-cased host of an absolute URL with an authority ("HTTPS://U@Www.X.org:8/" ->
// "www.x.org"), or "" if it has none.
std::string UrlHost(std::string_view absolute_url);

}  // namespace warta::ingest::sanitizer
