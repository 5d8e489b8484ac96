// Tags as stored with articles (article_tags.tag, exact strings; categories are tags): tag
// pages, tag lists and related articles. Every list and count sees published articles only
// (model::IsPublic); Related answers for any article but lists only published ones.
//
// Errors: NotFound and InvalidArgument as each method says; Io or Unavailable when the
// database fails.
// Transactions: read-only; Related reads one snapshot.
// Thread safety: every method may be called from any thread concurrently (blocking I/O);
// the pages that use it are behind the web's caches.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/article.h"
#include "storage/list_cursor.h"

namespace warta::storage {

struct TagCount {
  std::string tag;
  std::int64_t articles = 0;
};

// Why an article is related to another, strongest first.
enum class RelatedReason {
  kStory,  // the same story cluster
  kTags,   // shared tags
  kTitle,  // a similar title
};

// An article related to another (computed when a page renders).
struct RelatedArticle {
  std::int64_t id = 0;
  std::string title;
  std::string slug;
  std::string source;
  std::int64_t published_at = 0;
  RelatedReason reason = RelatedReason::kStory;
};

class TagStore {
 public:
  virtual ~TagStore() = default;
  // Distinct tags with their article counts, most used first, then by name; at most `limit`
  // (InvalidArgument outside 1..100000).
  virtual Result<std::vector<TagCount>> ListTags(int limit) = 0;
  // Articles having any of `tags` (1..100 of them), newest first, like
  // ArticleStore::ListNewest; `limit` 0..1000, `offset` 0..kMaxListOffset (InvalidArgument
  // beyond: deep pages go by cursor).
  virtual Result<std::vector<model::ArticleSummary>> ListByTags(
      const std::vector<std::string>& tags, int limit, int offset) = 0;
  // The same list from just after `after` (older articles), or from the newest without it.
  // Reads at most `limit` index entries per tag (article_tags_listing_idx), however large the
  // tag and however deep the page.
  virtual Result<std::vector<model::ArticleSummary>> ListByTagsAfter(
      const std::vector<std::string>& tags, int limit, const std::optional<ListCursor>& after) = 0;
  // How many articles have any of `tags`, counted no further than `cap` (1..100000): the
  // answer is min(count, cap), so "more than cap" costs `cap` index entries, not the tag.
  // An article with two of the names counts once per name.
  virtual Result<std::int64_t> CountByTags(const std::vector<std::string>& tags,
                                           std::int64_t cap) = 0;
  // Tags of each article, in the order given (article id, tags), for listings.
  virtual Result<std::vector<std::pair<std::int64_t, std::vector<std::string>>>> TagsOf(
      const std::vector<std::int64_t>& article_ids) = 0;
  // Up to `limit` (1..20) articles related to `article_id`: the same story first, then those
  // sharing the most tags (newer ones first, published within `window_seconds` of it), then
  // similar titles among recent articles. NotFound for an unknown id.
  virtual Result<std::vector<RelatedArticle>> Related(std::int64_t article_id, int limit,
                                                      std::int64_t window_seconds) = 0;
};

}  // namespace warta::storage
