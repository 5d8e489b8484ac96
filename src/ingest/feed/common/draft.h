// What the format adapters produce: the feed as read, before titles become plain text and
// summaries safe HTML (feed.cpp finishes it, the same way for every format).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "ingest/feed/feed.h"

namespace warta::ingest::feed {

// A text value as the feed gave it: plain text or HTML.
struct RawText {
  std::string value;
  bool html = false;
  bool present = false;

  static RawText Plain(std::string value) { return {std::move(value), false, true}; }
  static RawText Html(std::string value) { return {std::move(value), true, true}; }
};

struct DraftEntry {
  std::string id;
  RawText title;
  RawText title_fallback;  // media:title, used when there is no title
  RawText summary;
  RawText content;
  std::string link;  // absolute (adapters resolve against the element's base)
  std::optional<std::int64_t> published;
  std::optional<std::int64_t> updated;
  std::string author;
  std::vector<std::string> categories;
  std::vector<Enclosure> enclosures;
  std::string image;
  std::string base_url;  // base for relative URLs in summary and content
};

struct DraftFeed {
  Format format = Format::kUnknown;
  RawText title;
  std::string link;
  std::string language;
  std::vector<DraftEntry> entries;
  bool entries_truncated = false;
  std::string problem;  // a format-level problem (e.g. a JSON Feed without a version)
};

// Adds an entry unless the feed already has kMaxEntries (then marks it truncated).
inline void AddEntry(DraftEntry entry, DraftFeed* out) {
  if (out->entries.size() >= kMaxEntries) {
    out->entries_truncated = true;
    return;
  }
  out->entries.push_back(std::move(entry));
}

}  // namespace warta::ingest::feed
