// The per-day totals of engagement_days, written by the stores that change the article
// counters, in their transactions (storage/day_totals_store.h reads them). Internal to
// src/storage/sqlite/.
#pragma once

#include <cstdint>

#include "core/result.h"
#include "storage/sqlite/database.h"

namespace warta::storage::sqlite {

enum class DayColumn { kViews, kLikes, kComments, kShares };

// InvalidArgument for a day before 1970 (a caller that passed a time, or nothing).
Result<void> CheckDay(std::int64_t day);

// Adds `delta` to one total of (day, article), creating the row; a negative delta takes
// back, never below 0. Runs inside the caller's transaction.
Result<void> AddToDay(Connection& connection, std::int64_t day, std::int64_t article_id,
                      DayColumn column, std::int64_t delta);

}  // namespace warta::storage::sqlite
