// Plain article values shared by storage, web and ingest. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace warta::model {

struct Counters {
  std::int64_t views = 0;
  std::int64_t likes = 0;
  std::int64_t comments = 0;
  std::int64_t shares = 0;

  friend bool operator==(const Counters&, const Counters&) = default;
};

// What `article add`, the demo and (later) ingest hand to storage. Validated by
// ParseArticleJson / ValidateNewArticle before it reaches a store.
struct NewArticle {
  std::string title;
  std::string source;             // outlet shown as attribution, e.g. "MAINICHI"
  std::string url;                // original article URL, may be empty
  std::int64_t published_at = 0;  // unix seconds, UTC
  std::string lang;               // BCP 47 primary tag ("en", "id", "ja"), may be empty
  std::string body_html;          // sanitized HTML (paragraphs); body_text is converted to this
  std::vector<std::string> tags;
  std::string slug;  // URL slug derived from the title
  Counters initial;  // imported totals (views, likes, shares); comments stay 0
};

// A stored article. `version` increases on every edit so caches know when to re-render.
struct Article {
  std::int64_t id = 0;
  std::string title;
  std::string source;
  std::string url;
  std::int64_t published_at = 0;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
  std::string lang;
  std::string body_html;
  std::vector<std::string> tags;
  std::string slug;
  std::int64_t version = 1;
  Counters counters;  // stored totals (views not yet flushed are not included)
};

// One row of a listing (home page, feeds): no body.
struct ArticleSummary {
  std::int64_t id = 0;
  std::string title;
  std::string source;
  std::int64_t published_at = 0;
  std::string lang;
  std::string slug;
  std::string excerpt;  // plain text, at most ~300 bytes
  Counters counters;
};

// The public path of an article: "/artikel/{id}/{slug}" (slug optional when routing).
std::string ArticlePath(std::int64_t id, const std::string& slug);

}  // namespace warta::model
