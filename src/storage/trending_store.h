// Storage interfaces for trending ("most popular") and tags (tag pages, related articles).
// Included by store.h; same thread-safety rules (any thread, blocking I/O).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/article.h"
#include "model/trending.h"

namespace warta::storage {

// One row of a "most popular" list.
struct PopularArticle {
  std::int64_t id = 0;
  std::string title;
  std::string slug;
  std::string source;
  std::int64_t published_at = 0;
  double score = 0;  // the decayed score at PopularQuery::now
  model::Counters counters;
};

struct PopularQuery {
  int limit = 5;                     // 1..100
  std::vector<std::string> tags;     // empty: every article; else any of these tags
  std::int64_t published_after = 0;  // the age cutoff (unix seconds)
  std::int64_t now = 0;              // for PopularArticle::score
};

// The trending score of every article (model/trending.h), kept incrementally: likes, shares,
// flushed views (ArticleStore::AddViews) and initial counters (ArticleStore::Insert, credited
// at the publication time) add to it in the same transaction as the counter they change.
// Comments are credited by CommentStore in the transaction that publishes one, at the time it
// was written, and taken back the same way when it is deleted, rejected or marked spam.
class TrendingStore {
 public:
  virtual ~TrendingStore() = default;
  // The weights and half-life used from now on by this process (defaults until called).
  // When the stored scores were scaled with another half-life, they are rescaled to it in one
  // transaction, keeping each article's decayed score at `now`. InvalidArgument when the
  // half-life is not positive or a weight is negative.
  virtual Result<void> SetPolicy(const model::TrendingPolicy& policy, std::int64_t now) = 0;
  virtual model::TrendingPolicy policy() const = 0;
  // Credits `count` events of `kind` that happened at `at` (clamped to now). Unknown ids are
  // NotFound; a negative count is InvalidArgument.
  virtual Result<void> Credit(std::int64_t article_id, model::EngagementKind kind,
                              std::int64_t count, std::int64_t at) = 0;
  // Highest scores first (ties: newest id), articles with no engagement left out. One
  // indexed query: nothing is rescored. InvalidArgument for a limit outside 1..100 or more
  // than 100 tags.
  virtual Result<std::vector<PopularArticle>> Top(const PopularQuery& query) = 0;
};

struct TagCount {
  std::string tag;
  std::int64_t articles = 0;
};

// An article related to another (ArticleStore-independent: computed when a page renders).
struct RelatedArticle {
  std::int64_t id = 0;
  std::string title;
  std::string slug;
  std::string source;
  std::int64_t published_at = 0;
  // Why: "story" (same story cluster), "tags" (shared tags), "title" (similar title).
  std::string reason;
};

// Tags as stored with articles (article_tags.tag, exact strings). Categories are tags.
class TagStore {
 public:
  virtual ~TagStore() = default;
  // Distinct tags with their article counts, most used first, then by name; at most `limit`
  // (InvalidArgument outside 1..100000).
  virtual Result<std::vector<TagCount>> ListTags(int limit) = 0;
  // Articles having any of `tags` (1..100 of them), newest first, like ListNewest.
  virtual Result<std::vector<model::ArticleSummary>> ListByTags(
      const std::vector<std::string>& tags, int limit, int offset) = 0;
  virtual Result<std::int64_t> CountByTags(const std::vector<std::string>& tags) = 0;
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
