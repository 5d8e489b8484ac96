// The scorer on small hand-written pages: what is kept, what is removed, and why.
#include "ingest/extractor/extractor.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::ingest::extractor {
namespace {

std::string Paragraphs(const std::string& topic, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += "<p>Paragraph " + std::to_string(i) + " about " + topic +
           ": officials said on Monday that the work, which began last year, would continue "
           "through the dry season, and residents, shop owners and farmers welcomed it.</p>\n";
  }
  return out;
}

std::string Links(int n) {
  std::string out = "<ul>";
  for (int i = 0; i < n; ++i) {
    out += "<li><a href='/section/" + std::to_string(i) + "'>Section number " + std::to_string(i) +
           "</a></li>";
  }
  return out + "</ul>";
}

Extraction ExtractPage(const std::string& html,
                       const std::string& url = "https://news.example/x/1") {
  ExtractOptions options;
  options.url = url;
  auto result = Extract(html, options);
  EXPECT_TRUE(result.ok()) << result.error().ToString();
  return result.ok() ? result.value() : Extraction{};
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(ExtractTest, KeepsTheArticleAndDropsNavigationSidebarAndFooter) {
  const Extraction e = ExtractPage(
      "<html><head><title>Dam repairs continue</title></head><body>"
      "<nav class='menu'>" +
      Links(12) +
      "</nav>"
      "<div id='sidebar'><h3>Most read</h3>" +
      Links(8) +
      "</div>"
      "<div class='content'>" +
      Paragraphs("the dam", 6) +
      "</div>"
      "<footer class='footer'><p>Copyright Example Media, all rights "
      "reserved, since 1990, in every country.</p></footer></body></html>");
  EXPECT_TRUE(e.acceptable) << e.reason;
  EXPECT_TRUE(Has(e.text, "Paragraph 0 about the dam"));
  EXPECT_TRUE(Has(e.text, "Paragraph 5 about the dam"));
  EXPECT_FALSE(Has(e.text, "Section number"));
  EXPECT_FALSE(Has(e.text, "Most read"));
  EXPECT_FALSE(Has(e.text, "Copyright"));
  EXPECT_TRUE(Has(e.text, "\n\n"));  // paragraphs stay apart
}

TEST(ExtractTest, DropsCommentsShareBarsAndHiddenText) {
  const Extraction e = ExtractPage(
      "<body><article class='post'>" + Paragraphs("the harbour", 5) +
      "<div class='share-buttons'><a href='https://x.example/share'>Share</a> "
      "<a href='mailto:?'>Email</a></div>"
      "<p style='display: none'>Hidden teaser, with commas, that no reader ever sees at all.</p>"
      "<p hidden>Also hidden from every reader of this page, with commas, and more words.</p>"
      "</article><section id='comments'><h2>Comments</h2>"
      "<div class='comment'><p>First! I totally disagree with this, and with everything, "
      "and everyone, forever and ever.</p></div></section></body>");
  EXPECT_TRUE(Has(e.text, "Paragraph 4 about the harbour"));
  EXPECT_FALSE(Has(e.text, "disagree"));
  EXPECT_FALSE(Has(e.text, "Share"));
  EXPECT_FALSE(Has(e.text, "Hidden teaser"));
  EXPECT_FALSE(Has(e.text, "Also hidden"));
}

TEST(ExtractTest, PositiveHintsSurviveNegativeLookingAncestorsNames) {
  // "main-content" also contains "content"; "article-header" would be unlikely alone.
  const Extraction e = ExtractPage("<body><div class='related-articles-and-more'>" +
                                   Paragraphs("the market", 4) + "</div></body>");
  EXPECT_TRUE(Has(e.text, "Paragraph 3 about the market"));
}

TEST(ExtractTest, TextLooseInDivsAndBrRunsBecomesParagraphs) {
  std::string loose = "<body><div id='story'>";
  for (int i = 0; i < 6; ++i) {
    loose += "Line " + std::to_string(i) +
             " of a story written without paragraphs, with commas, clauses, and more words "
             "than a caption would ever have.<br><br>";
  }
  const Extraction e = ExtractPage(loose + "</div></body>");
  EXPECT_TRUE(e.acceptable) << e.reason;
  EXPECT_TRUE(Has(e.content_html, "<p>Line 1 of a story"));
  EXPECT_TRUE(Has(e.text, "Line 5"));
}

TEST(ExtractTest, ContentIsSanitizedWithAbsoluteUrls) {
  const Extraction e = ExtractPage(
      "<head><base href='/base/'></head><body><article>" + Paragraphs("safety", 4) +
          "<p>See <a href='more.html' onclick='steal()'>more</a> and "
          "<a href='javascript:alert(1)'>this</a>.<img src='pic.jpg' onerror='x()'></p>"
          "<script>document.write('x')</script><iframe src='https://evil.example/'></iframe>"
          "</article></body>",
      "https://news.example/a/b.html");
  EXPECT_TRUE(Has(e.content_html, "href=\"https://news.example/base/more.html\""));
  EXPECT_TRUE(Has(e.content_html, "src=\"https://news.example/base/pic.jpg\""));
  for (const char* bad : {"onclick", "onerror", "javascript:", "<script", "<iframe"}) {
    EXPECT_FALSE(Has(e.content_html, bad)) << bad;
  }
}

TEST(ExtractTest, DataTablesStayLayoutTablesGo) {
  std::string table = "<table><thead><tr><th>Year</th><th>Rice (t)</th></tr></thead>";
  for (int y = 2000; y < 2004; ++y) {
    table += "<tr><td>" + std::to_string(y) + "</td><td>" + std::to_string(y * 3) + "</td></tr>";
  }
  const Extraction e =
      ExtractPage("<body><article>" + Paragraphs("rice", 4) + table + "</article></body>");
  EXPECT_TRUE(Has(e.content_html, "<table>"));
  EXPECT_TRUE(Has(e.text, "6006"));
}

TEST(ExtractTest, ShortOrLinkyPagesAreNotAcceptable) {
  const Extraction shorty =
      ExtractPage("<body><p>Only one short paragraph here, nothing else.</p></body>");
  EXPECT_FALSE(shorty.acceptable);
  EXPECT_TRUE(shorty.reason.starts_with("too short")) << shorty.reason;

  ExtractOptions strict;
  strict.min_text_chars = 10;
  strict.max_link_density = 0.1;
  auto linky = Extract("<body><div>" + Links(40) + "</div></body>", strict);
  ASSERT_TRUE(linky.ok());
  EXPECT_FALSE(linky->acceptable);
  EXPECT_TRUE(linky->reason.starts_with("too many links") || linky->reason == "no content")
      << linky->reason;
}

TEST(ExtractTest, CjkTextCountsWiderForTheQualityCheck) {
  std::string ja = "<html lang='ja'><body><article>";
  for (int i = 0; i < 4; ++i) {
    ja +=
        "<p>政府は月曜日、港の再建計画を承認したと発表した。工事は来年まで続く見通しで、"
        "住民や商店主は歓迎している。</p>";
  }
  const Extraction e = ExtractPage(ja + "</article></body></html>");
  EXPECT_EQ(e.lang, "ja");
  EXPECT_TRUE(e.acceptable) << e.reason << " " << e.text_chars;
  EXPECT_TRUE(Has(e.text, "港の再建計画"));
}

TEST(ExtractTest, MathFormulasBecomeText) {
  const Extraction e = ExtractPage(
      "<body><article>" + Paragraphs("algebra", 4) +
      "<p>Solve <math><mi>x</mi><mo>=</mo><mn>42</mn></math> today.</p></article></body>");
  EXPECT_TRUE(Has(e.text, "x = 42")) << e.text;
}

}  // namespace
}  // namespace warta::ingest::extractor
