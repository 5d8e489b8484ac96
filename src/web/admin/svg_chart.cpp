#include "web/admin/svg_chart.h"

#include <algorithm>
#include <cstdio>

#include "core/html_escape.h"

namespace warta::web {
namespace {

constexpr double kWidth = 640;
constexpr double kHeight = 220;
constexpr double kLeft = 48;  // room for the axis numbers
constexpr double kRight = 8;
constexpr double kTop = 12;
constexpr double kBottom = 28;  // room for the day labels

std::string Num(double value) {
  char out[32];
  std::snprintf(out, sizeof out, "%.1f", value);
  return out;
}

// The axis top: the largest value rounded up to 1, 2 or 5 times a power of ten (at least 1).
std::int64_t NiceMax(std::int64_t max) {
  std::int64_t step = 1;
  while (true) {
    for (std::int64_t m : {1, 2, 5}) {
      if (m * step >= max) return std::max<std::int64_t>(m * step, 1);
    }
    step *= 10;
  }
}

double Y(std::int64_t value, std::int64_t top) {
  const double plot = kHeight - kTop - kBottom;
  return kTop + plot - plot * static_cast<double>(value) / static_cast<double>(top);
}

// The frame: <svg> with its title and description, grid lines at 0, half and the top, and
// the first, middle and last day labels.
std::string Open(const ChartText& text, std::int64_t top, std::size_t points) {
  std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + Num(kWidth) + " " + Num(kHeight) +
                    "\" role=\"img\" aria-labelledby=\"" + EscapeHtml(text.id) + "-title " +
                    EscapeHtml(text.id) + "-desc\" preserveAspectRatio=\"xMidYMid meet\">";
  svg += "<title id=\"" + EscapeHtml(text.id) + "-title\">" + EscapeHtml(text.title) + "</title>";
  svg +=
      "<desc id=\"" + EscapeHtml(text.id) + "-desc\">" + EscapeHtml(text.description) + "</desc>";
  for (std::int64_t value : {std::int64_t{0}, top / 2, top}) {
    const std::string y = Num(Y(value, top));
    svg += "<line class=\"chart-grid\" x1=\"" + Num(kLeft) + "\" x2=\"" + Num(kWidth - kRight) +
           "\" y1=\"" + y + "\" y2=\"" + y + "\"/>";
    svg += "<text class=\"chart-axis\" x=\"" + Num(kLeft - 6) + "\" y=\"" + y +
           "\" text-anchor=\"end\" dominant-baseline=\"middle\">" + EscapeHtml(text.number(value)) +
           "</text>";
  }
  if (points > 0) {
    const double band = (kWidth - kLeft - kRight) / static_cast<double>(points);
    for (std::size_t i : {std::size_t{0}, points / 2, points - 1}) {
      if (i >= text.labels.size()) continue;
      svg += "<text class=\"chart-axis\" x=\"" +
             Num(kLeft + band * (static_cast<double>(i) + 0.5)) + "\" y=\"" + Num(kHeight - 8) +
             "\" text-anchor=\"middle\">" + EscapeHtml(text.labels[i]) + "</text>";
    }
  }
  return svg;
}

std::string Tooltip(const ChartText& text, std::size_t i, const ChartSeries& series) {
  std::string label = i < text.labels.size() ? text.labels[i] : "";
  return "<title>" + EscapeHtml(label) + ": " + EscapeHtml(text.number(series.values[i])) + " " +
         EscapeHtml(series.name) + "</title>";
}

}  // namespace

std::string BarChartSvg(const ChartText& text, const ChartSeries& series) {
  const std::size_t n = series.values.size();
  std::int64_t max = 0;
  for (std::int64_t v : series.values) max = std::max(max, v);
  const std::int64_t top = NiceMax(max);
  std::string svg = Open(text, top, n);
  const double band = n == 0 ? 0 : (kWidth - kLeft - kRight) / static_cast<double>(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double y = Y(series.values[i], top);
    const double height = Y(0, top) - y;
    svg += "<rect class=\"" + EscapeHtml(series.css_class) + "\" x=\"" +
           Num(kLeft + band * static_cast<double>(i) + band * 0.15) + "\" y=\"" + Num(y) +
           "\" width=\"" + Num(band * 0.7) + "\" height=\"" + Num(height) + "\">" +
           Tooltip(text, i, series) + "</rect>";
  }
  return svg + "</svg>";
}

std::string LineChartSvg(const ChartText& text, const std::vector<ChartSeries>& series) {
  std::size_t n = 0;
  std::int64_t max = 0;
  for (const ChartSeries& s : series) {
    n = std::max(n, s.values.size());
    for (std::int64_t v : s.values) max = std::max(max, v);
  }
  const std::int64_t top = NiceMax(max);
  std::string svg = Open(text, top, n);
  const double band = n == 0 ? 0 : (kWidth - kLeft - kRight) / static_cast<double>(n);
  for (const ChartSeries& s : series) {
    std::string points;
    std::string dots;
    for (std::size_t i = 0; i < s.values.size(); ++i) {
      const std::string x = Num(kLeft + band * (static_cast<double>(i) + 0.5));
      const std::string y = Num(Y(s.values[i], top));
      points += (i == 0 ? "" : " ") + x + "," + y;
      dots +=
          "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"3\">" + Tooltip(text, i, s) + "</circle>";
    }
    svg += "<g class=\"" + EscapeHtml(s.css_class) + "\"><polyline points=\"" + points + "\"/>" +
           dots + "</g>";
  }
  return svg + "</svg>";
}

}  // namespace warta::web
