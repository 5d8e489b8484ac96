// GET /admin: the dashboard (editors and admins; authors are sent to their articles).
// Engagement per day for 30 days as two server-drawn SVG charts, each with a table of the
// same numbers; top articles today and this week; totals by section and by source; failing
// sources; comments waiting. The figures are web/admin/dashboard_stats.h's, the same as
// GET /api/v1/admin/stats.
#include <string>
#include <vector>

#include "i18n/local_time.h"
#include "model/article.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/dashboard_stats.h"
#include "web/admin/svg_chart.h"

namespace warta::web {
namespace {

void SetCounters(const Site& site, view::Data& item, const model::Counters& c) {
  const i18n::Formatter& f = site.formatter();
  item.set("views", f.Number(c.views));
  item.set("likes", f.Number(c.likes));
  item.set("comments", f.Number(c.comments));
  item.set("shares", f.Number(c.shares));
}

view::Data DayRows(const Site& site, const DashboardStats& stats) {
  view::Data rows = view::MakeList();
  for (const model::DayTotals& d : stats.days) {
    view::Data row;
    row.set("date_iso", i18n::DayToIsoDate(d.day));
    row.set("label", i18n::ShortDayLabel(d.day, site.locale()));
    SetCounters(site, row, d.totals);
    rows.push_back(row);
  }
  return rows;
}

view::Data Ranked(const Site& site, const std::vector<model::RankedTotals>& rows,
                  const std::string& unnamed, bool articles) {
  view::Data list = view::MakeList();
  for (const model::RankedTotals& r : rows) {
    view::Data item;
    item.set("name", r.name.empty() ? unnamed : r.name);
    if (articles) {
      item.set("path", model::ArticlePath(r.id, r.slug));
      item.set("edit_path", "/admin/articles/" + std::to_string(r.id));
    }
    SetCounters(site, item, r.totals);
    list.push_back(item);
  }
  return list;
}

void SetCharts(const Site& site, const DashboardStats& stats, view::Data& data) {
  ChartText text;
  text.number = [&site](std::int64_t n) { return site.formatter().Number(n); };
  for (const model::DayTotals& d : stats.days) {
    text.labels.push_back(i18n::ShortDayLabel(d.day, site.locale()));
  }
  ChartSeries views{site.T("views_label"), "series-views", {}};
  ChartSeries likes{site.T("likes_label"), "series-likes", {}};
  ChartSeries comments{site.T("comments_label"), "series-comments", {}};
  ChartSeries shares{site.T("shares_label"), "series-shares", {}};
  for (const model::DayTotals& d : stats.days) {
    views.values.push_back(d.totals.views);
    likes.values.push_back(d.totals.likes);
    comments.values.push_back(d.totals.comments);
    shares.values.push_back(d.totals.shares);
  }
  const i18n::Formatter& f = site.formatter();
  text.id = "chart-views";
  text.title = site.T("admin_chart_views");
  text.description = site.T("admin_chart_total") + " " + f.Number(stats.total.views);
  data.set("views_svg", BarChartSvg(text, views));
  text.id = "chart-engagement";
  text.title = site.T("admin_chart_engagement");
  text.description = site.T("admin_chart_total") + " " + site.T("likes_label") + " " +
                     f.Number(stats.total.likes) + ", " + site.T("comments_label") + " " +
                     f.Number(stats.total.comments) + ", " + site.T("shares_label") + " " +
                     f.Number(stats.total.shares);
  data.set("engagement_svg", LineChartSvg(text, {likes, comments, shares}));
}

view::Data FailingSources(const Site& site, const DashboardStats& stats) {
  view::Data list = view::MakeList();
  for (const model::Source& s : stats.failing_sources) {
    view::Data item;
    item.set("name", s.DisplayName());
    item.set("edit_path", "/admin/sources/" + std::to_string(s.id));
    item.set("error", s.last_error);
    item.set("errors", site.formatter().Number(s.consecutive_errors));
    item.set("last_fetch", AdminDateTime(site, s.last_fetch_at));
    list.push_back(item);
  }
  return list;
}

}  // namespace

http::Response AdminDashboard(Context& context, const http::Request& request,
                              const http::RouteParams& /*params*/, const Staff& staff) {
  if (!AdminMay(staff, model::Role::kEditor)) return AdminSeeOther("/admin/articles");
  AdminPage page = StartAdminPage(context, request, staff, "admin_nav_dashboard", "dashboard");
  auto stats =
      ReadDashboardStats(context.store, context.site->formatter(), context.clock.NowUnix());
  if (!stats.ok()) return AdminErrorPage(context, request, stats.error(), "dashboard");
  const Site& site = page.site;
  view::Data& data = page.data;
  SetCharts(site, *stats, data);
  data.set("days", DayRows(site, *stats));
  view::Data total;
  SetCounters(site, total, stats->total);
  data.set("total", total);
  data.set("top_today", Ranked(site, stats->top_today, "", true));
  data.set("has_top_today", !stats->top_today.empty());
  data.set("top_week", Ranked(site, stats->top_week, "", true));
  data.set("has_top_week", !stats->top_week.empty());
  data.set("by_section", Ranked(site, stats->by_section, site.T("admin_no_section"), false));
  data.set("has_by_section", !stats->by_section.empty());
  data.set("by_source", Ranked(site, stats->by_source, site.T("admin_own_articles"), false));
  data.set("has_by_source", !stats->by_source.empty());
  data.set("failing_sources", FailingSources(site, *stats));
  data.set("has_failing_sources", !stats->failing_sources.empty());
  data.set("failing_count",
           site.formatter().Number(static_cast<std::int64_t>(stats->failing_sources.size())));
  data.set("comments_waiting", site.formatter().Number(stats->comments_waiting));
  data.set("has_comments_waiting", stats->comments_waiting > 0);
  return RenderAdminPage(context, request, page, "dashboard");
}

}  // namespace warta::web
