#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "syndication/feed.h"
#include "syndication/json_ld.h"
#include "syndication/sitemap.h"
#include "syndication/xml_writer.h"

namespace warta::syndication {
namespace {

TEST(XmlCleanTest, DropsWhatXmlCannotCarry) {
  EXPECT_EQ(XmlClean(std::string("a\x01"
                                 "b\x1f"
                                 "c\td\n",
                                 8)),
            "abc\td\n");
  EXPECT_EQ(XmlClean(std::string("x\0y", 3)), "xy");
  EXPECT_EQ(XmlClean("\xEF\xBF\xBE"), "");                      // U+FFFE
  EXPECT_EQ(XmlClean("ok\xC3"), "ok\xEF\xBF\xBD");              // truncated sequence
  EXPECT_EQ(XmlClean("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(XmlClean("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(XmlClean("日本 ✓"), "日本 ✓");
}

TEST(XmlWriterTest, EscapesTextAndAttributes) {
  XmlWriter xml;
  xml.Open("a", {{"href", "x?a=1&b=\"2\""}});
  xml.Element("t", "<b>&'</b>");
  xml.Element("empty", "");
  std::string doc = xml.Finish();
  EXPECT_NE(doc.find("<a href=\"x?a=1&amp;b=&quot;2&quot;\">"), std::string::npos) << doc;
  EXPECT_NE(doc.find("<t>&lt;b&gt;&amp;&apos;&lt;/b&gt;</t>"), std::string::npos) << doc;
  EXPECT_NE(doc.find("<empty/>"), std::string::npos);
  EXPECT_NE(doc.find("</a>"), std::string::npos);
  EXPECT_EQ(doc.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
}

FeedDocument SampleFeed() {
  FeedDocument feed;
  feed.title = "Media & Co";
  feed.home_url = "https://x.test/";
  feed.self_url = "https://x.test/feed.xml";
  feed.language = "id";
  feed.generator = "warta";
  feed.updated = 1730430000;
  FeedEntry entry;
  entry.id = "https://x.test/artikel/7";
  entry.url = "https://x.test/artikel/7/a-b";
  entry.title = "A & B <c> 日本";
  entry.content_html = "<p>Body</p>";
  entry.published = 1730430000;
  entry.updated = 1730433600;
  entry.source_name = "MAINICHI";
  entry.source_url = "https://mainichi.example/a?x=1&y=2";
  entry.tags = {"ekonomi"};
  feed.entries.push_back(entry);
  return feed;
}

TEST(FeedTest, RssCarriesGuidDatesAndSource) {
  std::string rss = WriteRss(SampleFeed());
  EXPECT_NE(rss.find("<guid isPermaLink=\"true\">https://x.test/artikel/7</guid>"),
            std::string::npos);
  EXPECT_NE(rss.find("<pubDate>Fri, 01 Nov 2024 03:00:00 +0000</pubDate>"), std::string::npos)
      << rss;
  EXPECT_NE(rss.find("<source url=\"https://mainichi.example/a?x=1&amp;y=2\">MAINICHI</source>"),
            std::string::npos)
      << rss;
  EXPECT_NE(rss.find("<title>A &amp; B &lt;c&gt; 日本</title>"), std::string::npos);
  EXPECT_NE(rss.find("<content:encoded>&lt;p&gt;Body&lt;/p&gt;</content:encoded>"),
            std::string::npos);
}

TEST(FeedTest, AtomAndJsonFeedUseRfc3339) {
  std::string atom = WriteAtom(SampleFeed());
  EXPECT_NE(atom.find("<updated>2024-11-01T04:00:00Z</updated>"), std::string::npos) << atom;
  EXPECT_NE(atom.find("<link rel=\"via\" href=\"https://mainichi.example/a?x=1&amp;y=2\"/>"),
            std::string::npos);
  auto json = nlohmann::json::parse(WriteJsonFeed(SampleFeed()));
  EXPECT_EQ(json["version"], "https://jsonfeed.org/version/1.1");
  EXPECT_EQ(json["items"][0]["id"], "https://x.test/artikel/7");
  EXPECT_EQ(json["items"][0]["date_published"], "2024-11-01T03:00:00Z");
  EXPECT_EQ(json["items"][0]["_warta"]["source"]["name"], "MAINICHI");
}

TEST(SitemapTest, PagesAndNewsEscaping) {
  EXPECT_EQ(SitemapPageCount(0), 0);
  EXPECT_EQ(SitemapPageCount(50'000), 1);
  EXPECT_EQ(SitemapPageCount(50'001), 2);
  std::string news = WriteNewsSitemap("Media & Co", {{"https://x.test/a", "R&D <1>", "ja", 0}});
  EXPECT_NE(news.find("<news:name>Media &amp; Co</news:name>"), std::string::npos) << news;
  EXPECT_NE(news.find("<news:title>R&amp;D &lt;1&gt;</news:title>"), std::string::npos);
  EXPECT_NE(news.find("xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\""),
            std::string::npos);
}

TEST(JsonLdTest, ScriptSafeAndComplete) {
  NewsArticleLd ld;
  ld.url = "https://x.test/artikel/7/a";
  ld.headline = "</script><script>alert(1)</script> & \xE2\x80\xA8";
  ld.image_url = "https://x.test/static/share.png";
  ld.published = 1730430000;
  ld.modified = 1730433600;
  ld.source_name = "MAINICHI";
  ld.source_url = "https://mainichi.example/a";
  ld.site_name = "Media Jepang";
  ld.site_url = "https://x.test/";
  std::string text = NewsArticleJsonLd(ld);
  EXPECT_EQ(text.find('<'), std::string::npos) << text;
  EXPECT_EQ(text.find("\xE2\x80\xA8"), std::string::npos);
  auto json = nlohmann::json::parse(text);
  EXPECT_EQ(json["@type"], "NewsArticle");
  EXPECT_EQ(json["headline"], ld.headline);
  EXPECT_EQ(json["isBasedOn"], "https://mainichi.example/a");
  EXPECT_EQ(json["sourceOrganization"]["name"], "MAINICHI");
  EXPECT_EQ(json["publisher"]["name"], "Media Jepang");
  EXPECT_EQ(json["dateModified"], "2024-11-01T04:00:00Z");
  EXPECT_FALSE(json.contains("correction"));
}

TEST(JsonLdTest, BylinesAndCorrections) {
  NewsArticleLd ld;
  ld.url = "https://x.test/artikel/8/b";
  ld.headline = "Headline";
  ld.published = 1730430000;
  ld.modified = 1730520000;
  ld.site_name = "Media Jepang";
  ld.authors = {{"Sari Wulandari", "https://x.test/penulis/sari-wulandari"}, {"Kenji", ""}};
  ld.corrections = {{"Fixed the </script> date", 1730520000}};
  auto json = nlohmann::json::parse(NewsArticleJsonLd(ld));
  ASSERT_EQ(json["author"].size(), 2u);
  EXPECT_EQ(json["author"][0]["@type"], "Person");
  EXPECT_EQ(json["author"][0]["url"], "https://x.test/penulis/sari-wulandari");
  EXPECT_FALSE(json["author"][1].contains("url"));
  ASSERT_EQ(json["correction"].size(), 1u);
  EXPECT_EQ(json["correction"][0]["@type"], "CorrectionComment");
  EXPECT_EQ(json["correction"][0]["text"], "Fixed the </script> date");
  EXPECT_EQ(json["correction"][0]["datePublished"], "2024-11-02T04:00:00Z");
}

}  // namespace
}  // namespace warta::syndication
