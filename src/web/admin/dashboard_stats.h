// The dashboard's figures (GET /admin and GET /api/v1/admin/stats): engagement per day for
// the last kDashboardDays days of the site's calendar, top articles today and this week,
// totals by section and by source, sources whose last fetch failed and comments waiting for
// a moderator. Every number is read from the store (storage/day_totals_store.h, the source
// and comment stores) in one call, so the page and the JSON show the same figures, and those
// equal the counters in the database (docs/decisions/0009-newsroom.md "Dashboard numbers").
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "i18n/formatter.h"
#include "model/newsroom.h"
#include "model/source.h"
#include "storage/store.h"

namespace warta::web {

inline constexpr int kDashboardDays = 30;
inline constexpr int kDashboardWeekDays = 7;
inline constexpr int kDashboardTop = 10;

struct DashboardStats {
  std::int64_t today = 0;              // the site's day number (core/day.h)
  std::vector<model::DayTotals> days;  // kDashboardDays days ending today, oldest first
  model::Counters total;               // the sum of `days`
  std::vector<model::RankedTotals> top_today;
  std::vector<model::RankedTotals> top_week;    // the last kDashboardWeekDays days
  std::vector<model::RankedTotals> by_section;  // over `days`
  std::vector<model::RankedTotals> by_source;   // over `days`
  std::vector<model::Source> failing_sources;   // last fetch failed, most errors first
  std::int64_t comments_waiting = 0;            // the moderation queue (/moderasi)
};

// Reads every figure at `now` (days in the formatter's time zone). Days without engagement
// are filled with zeros.
Result<DashboardStats> ReadDashboardStats(storage::Store& store, const i18n::Formatter& formatter,
                                          std::int64_t now);

// The JSON of GET /api/v1/admin/stats (docs/api.md "Dashboard").
std::string DashboardStatsJson(const DashboardStats& stats);

}  // namespace warta::web
