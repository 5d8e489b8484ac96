// The site's feeds out: one document model written as RSS 2.0, Atom 1.0 or JSON Feed 1.1.
// Pure functions of their input (no I/O); the web layer fills the model from storage.
//
// Identity: an entry's id is its permanent URL by article id ("{base}/artikel/{id}"), which
// neither a new title (new slug) nor a new body changes, so readers never see an edited
// article as a new one. Attribution: every entry names its source outlet and links the
// original article (RSS <source url>, Atom <link rel="via">, JSON Feed _warta.source).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace warta::syndication {

struct FeedEntry {
  std::string id;            // permanent, stable across edits (an absolute URL)
  std::string url;           // the article page on this site, absolute
  std::string title;         // plain text
  std::string content_html;  // sanitized HTML body
  std::string summary;       // plain text excerpt, may be empty
  std::int64_t published = 0;
  std::int64_t updated = 0;
  std::string language;         // BCP 47, may be empty
  std::string source_name;      // the outlet, may be empty
  std::string source_url;       // the original article, absolute; may be empty
  std::string source_feed_url;  // the feed it was ingested from, may be empty
  std::string image_url;        // absolute, may be empty
  std::vector<std::string> tags;
};

struct FeedDocument {
  std::string title;
  std::string description;
  std::string home_url;      // the page this feed follows (site home, source or tag), absolute
  std::string self_url;      // where this document lives, absolute
  std::string icon_url;      // absolute, may be empty
  std::string language;      // the site's
  std::string generator;     // "warta"
  std::int64_t updated = 0;  // newest entry's updated time (or now for an empty feed)
  std::vector<FeedEntry> entries;
};

std::string WriteRss(const FeedDocument& feed);
std::string WriteAtom(const FeedDocument& feed);
std::string WriteJsonFeed(const FeedDocument& feed);

// "Fri, 01 Nov 2024 03:00:00 +0000" (RFC 822 with a four-digit year, as RSS 2.0 asks).
std::string FormatRfc822(std::int64_t unix_seconds);

inline constexpr const char* kRssContentType = "application/rss+xml; charset=utf-8";
inline constexpr const char* kAtomContentType = "application/atom+xml; charset=utf-8";
inline constexpr const char* kJsonFeedContentType = "application/feed+json; charset=utf-8";

}  // namespace warta::syndication
