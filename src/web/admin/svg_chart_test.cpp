#include "web/admin/svg_chart.h"

#include <gtest/gtest.h>

#include <regex>
#include <string>

namespace warta::web {
namespace {

ChartText Text(std::size_t days) {
  ChartText text;
  text.id = "c";
  text.title = "Views <per> day";
  text.description = "Total & more";
  for (std::size_t i = 0; i < days; ++i) text.labels.push_back("D" + std::to_string(i));
  text.number = [](std::int64_t n) { return std::to_string(n); };
  return text;
}

double Attr(const std::string& element, const std::string& name) {
  std::smatch m;
  EXPECT_TRUE(std::regex_search(element, m, std::regex(" " + name + "=\"([0-9.]+)\"")));
  return std::stod(m[1]);
}

TEST(SvgChart, BarsAreProportionalToTheNumbers) {
  ChartSeries series{"views", "series-views", {0, 50, 100, 25}};
  const std::string svg = BarChartSvg(Text(4), series);
  std::vector<std::string> bars;
  static const std::regex kRect("<rect[^>]*>");
  for (std::sregex_iterator it(svg.begin(), svg.end(), kRect), end; it != end; ++it) {
    bars.push_back(it->str());
  }
  ASSERT_EQ(bars.size(), 4u);
  // The axis top is 100 (a round number at least the largest value): 100 fills the plot.
  const double full = Attr(bars[2], "height");
  EXPECT_GT(full, 100);
  EXPECT_DOUBLE_EQ(Attr(bars[0], "height"), 0);
  EXPECT_NEAR(Attr(bars[1], "height"), full / 2, 0.1);
  EXPECT_NEAR(Attr(bars[3], "height"), full / 4, 0.1);
  // Each bar says its day and number to a pointer.
  EXPECT_NE(svg.find("<title>D1: 50 views</title>"), std::string::npos);
}

TEST(SvgChart, TextIsEscapedAndTheChartIsLabelled) {
  ChartSeries series{"<b>x</b>", "series-views", {1}};
  const std::string svg = BarChartSvg(Text(1), series);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("Views &lt;per&gt; day"), std::string::npos);
  EXPECT_NE(svg.find("Total &amp; more"), std::string::npos);
  EXPECT_NE(svg.find("role=\"img\" aria-labelledby=\"c-title c-desc\""), std::string::npos);
}

TEST(SvgChart, LinesShareOneScaleAndAllZerosStillDraw) {
  const std::string svg = LineChartSvg(
      Text(3), {{"likes", "series-likes", {0, 0, 0}}, {"shares", "series-shares", {0, 0, 0}}});
  EXPECT_EQ(std::count(svg.begin(), svg.end(), '\n'), 0);
  EXPECT_NE(svg.find("<g class=\"series-likes\"><polyline points=\""), std::string::npos);
  EXPECT_NE(svg.find("<g class=\"series-shares\">"), std::string::npos);
  // No coordinate is a NaN or an infinity (a division by a zero axis top).
  EXPECT_EQ(svg.find("=\"nan"), std::string::npos);
  EXPECT_EQ(svg.find(",nan"), std::string::npos);
  EXPECT_EQ(svg.find("=\"inf"), std::string::npos);
  EXPECT_EQ(svg.find(",inf"), std::string::npos);
}

}  // namespace
}  // namespace warta::web
