// Likes: a row per (article, liker), so repeats and retries from any node are idempotent.
// articles.likes changes in the same transaction only when a row was added or removed, so it
// stays exact under any concurrency, and the trending score with it (trending_store.h).
//
// Errors: NotFound for an unknown article, and for a like of one that is not public
// (model::IsPublic); InvalidArgument for an invalid liker (model::Liker::valid) or a
// negative day; Io or Unavailable when the database fails.
// Transactions: each call is one transaction.
// Durability: writes are committed and synced to disk before returning: an acknowledged like
// survives a crash or a power cut.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>

#include "core/result.h"
#include "model/engagement.h"
#include "model/liker.h"

namespace warta::storage {

class LikeStore {
 public:
  virtual ~LikeStore() = default;
  // `now` is the like's time and `day` its day (days since 1970 in the site's time zone,
  // core/day.h), stored with it: the like counts in the per-day totals of `day`, and an
  // unlike takes back exactly the trending credit the like earned then, from the day it was
  // counted on (an unlike's own `now` only dates the trending epoch, trending_store.h).
  virtual Result<model::LikeChange> Like(std::int64_t article_id, const model::Liker& liker,
                                         std::int64_t now, std::int64_t day) = 0;
  virtual Result<model::LikeChange> Unlike(std::int64_t article_id, const model::Liker& liker,
                                           std::int64_t now) = 0;
  virtual Result<bool> IsLiked(std::int64_t article_id, const model::Liker& liker) = 0;
};

}  // namespace warta::storage
