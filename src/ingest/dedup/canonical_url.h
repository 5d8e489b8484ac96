// The identity of an article's URL: the same page reached through tracking links, AMP or
// mobile hosts, other schemes or a reordered query gives the same canonical URL, which
// storage keeps unique. Not for display: the article keeps the link as published.
#pragma once

#include <string>
#include <string_view>

namespace warta::ingest::dedup {

// Canonical form of an absolute http(s) URL, or "" for anything else:
// - scheme https (http and https serve the same article), host lower-cased, a trailing
//   dot, user info and the default port removed;
// - "www.", "m.", "mobile.", "amp." host prefixes removed (one site, one identity);
// - fragment dropped; tracking parameters (utm_*, fbclid, gclid, ...) and AMP switches
//   dropped, the rest sorted by name (stable for equal names);
// - AMP paths unified: "/amp" or "/amp/" at the end, "/amp/" at the start, ".amp" or
//   ".amp.html" endings; a trailing "/" removed (except the root);
// - percent-escapes of unreserved characters decoded, the others upper-cased.
std::string CanonicalUrl(std::string_view url);

}  // namespace warta::ingest::dedup
