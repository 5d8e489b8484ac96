// Charts for the dashboard as inline SVG, drawn on the server from numbers alone: no script,
// no library, nothing loaded from elsewhere. Colours come from admin.css classes (so dark
// mode applies); series differ by dash pattern too, never by colour alone. Each chart is
// paired on the page with a table of the same numbers, which is what assistive technology
// reads; the SVG carries a title and a short description.
//
// Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace warta::web {

struct ChartSeries {
  std::string name;  // shown in the tooltip of each point
  std::string css_class;
  std::vector<std::int64_t> values;  // one per label
};

struct ChartText {
  std::string id;           // unique on the page: the title's and description's ids derive from it
  std::string title;        // what the chart shows
  std::string description;  // one sentence (totals), read by screen readers
  std::vector<std::string> labels;                  // one per point (days)
  std::function<std::string(std::int64_t)> number;  // formats numbers for the axis and tooltips
};

// Bars of one series, one per label; every bar has a <title> tooltip ("6 Des: 1.234").
std::string BarChartSvg(const ChartText& text, const ChartSeries& series);

// Lines of several series over the same labels, each with points carrying tooltips.
std::string LineChartSvg(const ChartText& text, const std::vector<ChartSeries>& series);

}  // namespace warta::web
