// Trending ("most popular"): the score of every article (model/trending.h), kept
// incrementally. Likes, shares, flushed views (ArticleStore::AddViews) and initial counters
// (ArticleStore::Insert, credited at the publication time) add to it in the same transaction
// as the counter they change. Comments are credited by CommentStore in the transaction that
// publishes one, at the time it was written, and taken back the same way when it is deleted,
// rejected or marked spam. Top lists published articles only (model::IsPublic).
//
// Errors: NotFound and InvalidArgument as each method says (nothing written); Io or
// Unavailable when the database fails.
// Transactions: every method is one transaction; Top is one indexed query, nothing is
// rescored.
// Durability: committed before returning, not synced to disk (the scores follow counters
// that are synced where they must be).
// Thread safety: every method may be called from any thread concurrently (blocking I/O);
// policy() reads a value held in memory and does no I/O.
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
  // Highest scores first (ties: newest id), articles with no engagement left out.
  // InvalidArgument for a limit outside 1..100 or more than 100 tags.
  virtual Result<std::vector<PopularArticle>> Top(const PopularQuery& query) = 0;
};

}  // namespace warta::storage
