// Plain article values shared by storage, web and ingest. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/article_status.h"

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

  // Set by ingest only (0 / empty otherwise). A second article with the same
  // (source_id, guid) or the same canonical_url is refused with kAlreadyExists, which makes
  // re-ingesting a feed idempotent.
  std::int64_t source_id = 0;            // the feed source it came from
  std::string guid;                      // the entry's id in its feed
  std::string canonical_url;             // the link with tracking parameters removed (ingest/dedup)
  std::string content_hash;              // hex digest of the normalized text
  std::optional<std::uint64_t> simhash;  // near-duplicate fingerprint of the text

  // kPublished for everything but a wire item of a source that asks for review (kHeld).
  // Any other status is the newsroom's (storage/editorial_store.h).
  ArticleStatus status = ArticleStatus::kPublished;
  // Its picture (model/media.h), taken in by ingest from the feed or the page; 0: none.
  std::int64_t lead_media_id = 0;
};

// Another source's article about the same story (a cluster of near-duplicates).
struct RelatedReport {
  std::int64_t article_id = 0;
  std::string title;
  std::string source;
  std::string url;  // the original article
  std::string slug;
  std::int64_t published_at = 0;

  friend bool operator==(const RelatedReport&, const RelatedReport&) = default;
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
  Counters counters;           // stored totals (views not yet flushed are not included)
  std::int64_t source_id = 0;  // 0 when not ingested from a feed
  std::int64_t story_id = 0;   // 0 when not part of a story cluster
  // Its source asks for the original article as the canonical URL (model::CanonicalPolicy).
  bool canonical_is_original = false;
  // The same story from other sources ("also reported by"), one per source, oldest first.
  // Filled by ArticleStore::FindById; a change of it bumps `version`.
  std::vector<RelatedReport> also_reported_by;
  // Public only when kPublished: FindById returns every status, so the web decides between
  // the page, 404 (draft, held, scheduled, discarded) and 410 (unpublished).
  ArticleStatus status = ArticleStatus::kPublished;
  // The picture shown at the top of its page and on its cards (model/media.h); 0: none.
  std::int64_t lead_media_id = 0;
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
  std::int64_t lead_media_id = 0;  // its card's picture; 0: none
  std::int64_t story_id = 0;       // its story cluster (one card per story); 0: none
};

// The public path of an article: "/artikel/{id}/{slug}" (slug optional when routing).
std::string ArticlePath(std::int64_t id, const std::string& slug);

}  // namespace warta::model
