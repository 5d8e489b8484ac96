#include "web/admin/dashboard_stats.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "i18n/local_time.h"
#include "model/article.h"
#include "storage/comment_store.h"
#include "storage/day_totals_store.h"
#include "storage/source_store.h"

namespace warta::web {
namespace {

void AddCounters(model::Counters& sum, const model::Counters& c) {
  sum.views += c.views;
  sum.likes += c.likes;
  sum.comments += c.comments;
  sum.shares += c.shares;
}

nlohmann::json CountersJson(const model::Counters& c) {
  return {{"views", c.views}, {"likes", c.likes}, {"comments", c.comments}, {"shares", c.shares}};
}

nlohmann::json RankedJson(const std::vector<model::RankedTotals>& rows, bool articles) {
  nlohmann::json out = nlohmann::json::array();
  for (const model::RankedTotals& r : rows) {
    nlohmann::json item = CountersJson(r.totals);
    item["id"] = r.id;
    item[articles ? "title" : "name"] = r.name;
    if (articles) {
      item["path"] = model::ArticlePath(r.id, r.slug);
    } else if (!r.slug.empty()) {
      item["slug"] = r.slug;
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace

Result<DashboardStats> ReadDashboardStats(storage::Store& store, const i18n::Formatter& formatter,
                                          std::int64_t now) {
  DashboardStats stats;
  stats.today = formatter.DayNumber(now);
  const std::int64_t first = stats.today - (kDashboardDays - 1);
  storage::DayTotalsStore& days = store.day_totals();
  WARTA_ASSIGN_OR_RETURN(auto per_day, days.PerDay(first, stats.today));
  auto next = per_day.begin();
  for (std::int64_t day = first; day <= stats.today; ++day) {
    model::DayTotals totals{day, {}};
    if (next != per_day.end() && next->day == day) totals = *next++;
    AddCounters(stats.total, totals.totals);
    stats.days.push_back(totals);
  }
  WARTA_ASSIGN_OR_RETURN(stats.top_today,
                         days.TopArticles(stats.today, stats.today, kDashboardTop));
  WARTA_ASSIGN_OR_RETURN(stats.top_week, days.TopArticles(stats.today - (kDashboardWeekDays - 1),
                                                          stats.today, kDashboardTop));
  WARTA_ASSIGN_OR_RETURN(stats.by_section, days.BySection(first, stats.today));
  WARTA_ASSIGN_OR_RETURN(stats.by_source, days.BySource(first, stats.today));
  WARTA_ASSIGN_OR_RETURN(auto sources, store.sources().List(now));
  for (model::Source& source : sources) {
    if (!source.last_error.empty()) stats.failing_sources.push_back(std::move(source));
  }
  std::stable_sort(stats.failing_sources.begin(), stats.failing_sources.end(),
                   [](const model::Source& a, const model::Source& b) {
                     return a.consecutive_errors > b.consecutive_errors;
                   });
  WARTA_ASSIGN_OR_RETURN(stats.comments_waiting, store.comments().CountQueue());
  return stats;
}

std::string DashboardStatsJson(const DashboardStats& stats) {
  nlohmann::json days = nlohmann::json::array();
  for (const model::DayTotals& d : stats.days) {
    nlohmann::json item = CountersJson(d.totals);
    item["day"] = d.day;
    item["date"] = i18n::DayToIsoDate(d.day);
    days.push_back(std::move(item));
  }
  nlohmann::json failing = nlohmann::json::array();
  for (const model::Source& s : stats.failing_sources) {
    failing.push_back({{"id", s.id},
                       {"name", s.DisplayName()},
                       {"url", s.url},
                       {"last_error", s.last_error},
                       {"last_status", s.last_status},
                       {"consecutive_errors", s.consecutive_errors},
                       {"last_fetch_at", s.last_fetch_at}});
  }
  nlohmann::json out = {
      {"today", i18n::DayToIsoDate(stats.today)},
      {"today_day", stats.today},
      {"days", std::move(days)},
      {"total", CountersJson(stats.total)},
      {"top_today", RankedJson(stats.top_today, true)},
      {"top_week", RankedJson(stats.top_week, true)},
      {"by_section", RankedJson(stats.by_section, false)},
      {"by_source", RankedJson(stats.by_source, false)},
      {"failing_sources", std::move(failing)},
      {"comments_waiting", stats.comments_waiting},
  };
  // Stored error texts come from outside (servers, parsers): never let a stray byte throw.
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace warta::web
