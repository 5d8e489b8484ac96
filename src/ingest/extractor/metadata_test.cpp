// Metadata: title, byline, date, language and lead image from hand-written pages.
#include <gtest/gtest.h>

#include <string>

#include "core/rfc3339.h"
#include "ingest/extractor/extractor.h"

namespace warta::ingest::extractor {
namespace {

// Enough article text that extraction succeeds; metadata tests vary only the head.
std::string Body() {
  std::string body = "<article>";
  for (int i = 0; i < 6; ++i) {
    body +=
        "<p>The council met on Tuesday, and after a long debate, it approved the plan to "
        "rebuild the harbour, the market and the old railway station by next year.</p>";
  }
  return body + "</article>";
}

Extraction ExtractPage(const std::string& head, const std::string& body = Body(),
                       const std::string& url = "https://news.example/a/story.html") {
  ExtractOptions options;
  options.url = url;
  auto result = Extract("<!doctype html><html>" + head + "<body>" + body, options);
  EXPECT_TRUE(result.ok()) << result.error().ToString();
  return result.ok() ? result.value() : Extraction{};
}

TEST(TitleTest, SiteNameAfterSeparatorIsDropped) {
  EXPECT_EQ(
      ExtractPage("<title>Harbour plan approved after long debate | Daily Example</title>").title,
      "Harbour plan approved after long debate");
  EXPECT_EQ(
      ExtractPage("<title>Harbour plan approved after long debate \xE2\x80\x93 Example</title>")
          .title,
      "Harbour plan approved after long debate");
}

TEST(TitleTest, ShortRemainderKeepsTheWholeTitle) {
  // Dropping the site name would leave too little: readability keeps the original.
  EXPECT_EQ(ExtractPage("<title>Harbour plan - Daily Example</title>").title,
            "Harbour plan - Daily Example");
}

TEST(TitleTest, SiteNameBeforeColonIsDropped) {
  EXPECT_EQ(ExtractPage("<title>Example: Harbour plan approved after a long debate</title>").title,
            "Harbour plan approved after a long debate");
}

TEST(TitleTest, OnlyH1WhenTitleTooShort) {
  EXPECT_EQ(ExtractPage("<title>News</title>",
                        "<h1>Harbour plan approved after long debate</h1>" + Body())
                .title,
            "Harbour plan approved after long debate");
}

TEST(TitleTest, SvgTitlesAreNotThePageTitle) {
  EXPECT_EQ(ExtractPage("",
                        "<svg><title>Share icon</title></svg><h1>Harbour plan approved after "
                        "long debate</h1>" +
                            Body())
                .title,
            "Harbour plan approved after long debate");
}

TEST(TitleTest, MetaTitlesWinOverTheTitleElement) {
  EXPECT_EQ(
      ExtractPage("<title>X | Y</title><meta property='og:title' content='From Open Graph'>").title,
      "From Open Graph");
  EXPECT_EQ(
      ExtractPage("<meta property='og:title' content='OG'><meta name='DC.title' content='DC'>")
          .title,
      "DC");
}

TEST(JsonLdTest, NewsArticleGivesTitleAuthorDateAndImage) {
  const Extraction e =
      ExtractPage(R"(<title>Ignored | Site</title><script type="application/ld+json">
    {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "From JSON-LD",
     "author": [{"@type": "Person", "name": "Ana"}, {"@type": "Person", "name": "Budi"}],
     "datePublished": "2024-11-01T12:00:00+09:00", "image": {"url": "/img/lead.jpg"},
     "publisher": {"name": "Example News"}}</script>)");
  EXPECT_EQ(e.title, "From JSON-LD");
  EXPECT_EQ(e.byline, "Ana, Budi");
  EXPECT_EQ(e.published_raw, "2024-11-01T12:00:00+09:00");
  ASSERT_TRUE(e.published.has_value());
  EXPECT_EQ(FormatRfc3339Utc(*e.published), "2024-11-01T03:00:00Z");
  EXPECT_EQ(e.lead_image, "https://news.example/img/lead.jpg");
  EXPECT_EQ(e.site_name, "Example News");
}

TEST(JsonLdTest, GraphArraysAndOtherContextsAndTypes) {
  EXPECT_EQ(ExtractPage(R"(<script type="application/ld+json">{"@context": "http://schema.org/",
      "@graph": [{"@type": "WebPage", "name": "Page"},
                 {"@type": "BlogPosting", "name": "The post"}]}</script>)")
                .title,
            "The post");
  EXPECT_EQ(ExtractPage(R"(<script type="application/ld+json">[{"@context": "https://schema.org",
      "@type": "Article", "name": "In an array"}]</script>)")
                .title,
            "In an array");
  // Not schema.org, not an article, or broken JSON: ignored.
  for (const char* script :
       {R"({"@context": "https://example.org", "@type": "Article", "name": "No"})",
        R"({"@context": "https://schema.org", "@type": "Recipe", "name": "No"})",
        R"({"@context": "https://schema.org", "@type": "Article", "name": )"}) {
    EXPECT_EQ(ExtractPage(std::string("<title>Fallback title for the page</title>"
                                      "<script type='application/ld+json'>") +
                          script + "</script>")
                  .title,
              "Fallback title for the page")
        << script;
  }
}

TEST(JsonLdTest, NameOrHeadlineWhicheverMatchesTheTitle) {
  const Extraction e = ExtractPage(R"(<title>Harbour plan approved after long debate | Site</title>
    <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
    "name": "Example Site", "headline": "Harbour plan approved after long debate"}</script>)");
  EXPECT_EQ(e.title, "Harbour plan approved after long debate");
}

TEST(BylineTest, FromMetaAuthorButNotFromAProfileUrl) {
  EXPECT_EQ(ExtractPage("<meta name='author' content='Siti Rahma'>").byline, "Siti Rahma");
  EXPECT_EQ(ExtractPage("<meta property='article:author' content='https://x.example/siti'>").byline,
            "");
  EXPECT_EQ(ExtractPage("<meta property='article:author' content='Siti Rahma'>").byline,
            "Siti Rahma");
}

TEST(BylineTest, FromTheTextIsTakenOutOfTheArticle) {
  const Extraction e = ExtractPage(
      "", "<article><div class='byline'>By <span itemprop='name'>Rudi Hartono</span></div>" +
              Body().substr(9));
  EXPECT_EQ(e.byline, "Rudi Hartono");
  EXPECT_EQ(e.text.find("Rudi"), std::string::npos);
}

TEST(LanguageTest, HtmlLangThenOpenGraphLocaleThenContentLanguage) {
  auto lang = [](const std::string& html_attrs, const std::string& head) {
    auto r = Extract("<html " + html_attrs + "><head>" + head + "</head><body>" + Body(), {});
    return r.ok() ? r->lang : "error";
  };
  EXPECT_EQ(lang("lang='id'", "<meta property='og:locale' content='en_US'>"), "id");
  EXPECT_EQ(lang("", "<meta property='og:locale' content='ja_JP'>"), "ja-JP");
  EXPECT_EQ(lang("", "<meta http-equiv='Content-Language' content='en, id'>"), "en");
  EXPECT_EQ(lang("lang='<script>'", ""), "");
}

TEST(PublishedTest, FromMetaItempropOrTime) {
  EXPECT_EQ(ExtractPage("<meta property='article:published_time' content='2024-01-02T03:04:05Z'>")
                .published_raw,
            "2024-01-02T03:04:05Z");
  EXPECT_EQ(
      ExtractPage("", "<time itemprop='datePublished' datetime='2023-05-06'>6 May</time>" + Body())
          .published_raw,
      "2023-05-06");
  EXPECT_EQ(ExtractPage("", "<p><time datetime='2022-07-08T09:10'>8 July</time></p>" + Body())
                .published_raw,
            "2022-07-08T09:10");
}

TEST(PublishedTest, DateFormsPagesUse) {
  auto utc = [](std::string_view s) {
    auto t = ParsePageDate(s);
    return t ? FormatRfc3339Utc(*t) : std::string("none");
  };
  EXPECT_EQ(utc("2021-11-01T10:52:50+0100"), "2021-11-01T09:52:50Z");
  EXPECT_EQ(utc("2015-03-27T13:07:55.096Z"), "2015-03-27T13:07:55Z");
  EXPECT_EQ(utc("2019-04-28 06:01:07"), "2019-04-28T06:01:07Z");
  EXPECT_EQ(utc("2024-06-25"), "2024-06-25T00:00:00Z");
  EXPECT_EQ(utc("Tue, 02 Sep 2014 08:35:27 -0400"), "2014-09-02T12:35:27Z");
  EXPECT_EQ(utc("2 Sep 2014 08:35 GMT"), "2014-09-02T08:35:00Z");
  EXPECT_EQ(utc("05/29/2007 09:49:00"), "none");
  EXPECT_EQ(utc("2024-13-45"), "none");
  EXPECT_EQ(utc(""), "none");
}

TEST(LeadImageTest, OpenGraphImageResolvedAgainstTheBase) {
  EXPECT_EQ(
      ExtractPage("<base href='/media/'><meta property='og:image' content='lead.jpg'>").lead_image,
      "https://news.example/media/lead.jpg");
  EXPECT_EQ(ExtractPage("<meta property='og:image' content='javascript:alert(1)'>").lead_image, "");
}

}  // namespace
}  // namespace warta::ingest::extractor
