// The dashboard's numbers: engagement per day (engagement_days), written by ArticleStore
// (views), LikeStore, ShareStore and CommentStore in the transactions that change the
// article counters, so the dashboard and the counters never disagree. Days are numbers
// (days since 1970 in the site's time zone, core/day.h): the writer chose them; this store
// knows no time zone.
//
// Errors: InvalidArgument for a range with from > to, longer than 3660 days, or a limit out
// of range; Io or Unavailable when the database fails.
// Transactions: read-only; each method reads one snapshot.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "model/newsroom.h"

namespace warta::storage {

class DayTotalsStore {
 public:
  virtual ~DayTotalsStore() = default;
  // Site totals per day in [from_day, to_day], ascending; days without engagement are
  // absent (the caller fills zeros).
  virtual Result<std::vector<model::DayTotals>> PerDay(std::int64_t from_day,
                                                       std::int64_t to_day) = 0;
  // Articles with the most views in [from_day, to_day] (then likes, comments, shares), at
  // most `limit` (1..100); name is the title, slug the article's.
  virtual Result<std::vector<model::RankedTotals>> TopArticles(std::int64_t from_day,
                                                               std::int64_t to_day, int limit) = 0;
  // Totals by section (id 0: articles in none) and by source (articles.source; id is the
  // feed source id or 0), most views first.
  virtual Result<std::vector<model::RankedTotals>> BySection(std::int64_t from_day,
                                                             std::int64_t to_day) = 0;
  virtual Result<std::vector<model::RankedTotals>> BySource(std::int64_t from_day,
                                                            std::int64_t to_day) = 0;
};

}  // namespace warta::storage
