// Shares, counted per article and network (whatsapp, facebook, x, ...). articles.shares is
// the sum, changed in the same transaction, with the trending score (trending_store.h).
//
// Errors: NotFound for an unknown article or one that is not public (model::IsPublic);
// InvalidArgument for a network name that is not 1..32 of [a-z0-9_-] or a negative day; Io
// or Unavailable when the database fails.
// Transactions: each call is one transaction.
// Durability: Add is committed and synced to disk before returning, like a like.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/article.h"

namespace warta::storage {

class ShareStore {
 public:
  virtual ~ShareStore() = default;
  // Counts one share made at `now` (its trending credit's time), also in the per-day totals
  // of `day` (core/day.h), and returns the article's stored counters.
  virtual Result<model::Counters> Add(std::int64_t article_id, const std::string& network,
                                      std::int64_t now, std::int64_t day) = 0;
  // (network, count) of one article, by network name.
  virtual Result<std::vector<std::pair<std::string, std::int64_t>>> ByNetwork(
      std::int64_t article_id) = 0;
};

}  // namespace warta::storage
