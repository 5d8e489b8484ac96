#include "ingest/opml/opml.h"

#include <gtest/gtest.h>

namespace warta::ingest::opml {
namespace {

constexpr const char* kNested = R"(<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="News">
      <outline text="Japan">
        <outline type="rss" text="Kyodo" xmlUrl="https://example.jp/kyodo.xml" htmlUrl="https://example.jp/"/>
      </outline>
      <outline type="rss" text="Wire &amp; Co" xmlUrl="http://wire.example/rss"/>
    </outline>
    <outline type="rss" title="Top" xmlUrl="https://top.example/feed" category="/Tech/AI,/Other"/>
    <outline type="rss" text="Bad" xmlUrl="file:///etc/passwd"/>
  </body>
</opml>)";

TEST(OpmlTest, ReadsNestedCategories) {
  auto subs = ParseOpml(kNested);
  ASSERT_TRUE(subs.ok()) << subs.error().message;
  EXPECT_EQ(subs->title, "My feeds");
  ASSERT_EQ(subs->sources.size(), 3u);
  EXPECT_EQ(subs->sources[0].name, "Kyodo");
  EXPECT_EQ(subs->sources[0].category, "News/Japan");
  EXPECT_EQ(subs->sources[0].site_url, "https://example.jp/");
  EXPECT_EQ(subs->sources[1].name, "Wire & Co");
  EXPECT_EQ(subs->sources[1].category, "News");
  EXPECT_EQ(subs->sources[2].name, "Top");
  EXPECT_EQ(subs->sources[2].category, "Tech/AI");
  EXPECT_EQ(subs->skipped, 1);
}

TEST(OpmlTest, ExportReimportsWithoutLoss) {
  std::vector<model::Source> sources(3);
  sources[0].id = 1;
  sources[0].url = "https://example.jp/kyodo.xml";
  sources[0].name = "Kyodo <\"wire\">";
  sources[0].category = "News/Japan";
  sources[0].lang = "ja";
  sources[0].time_zone = "Asia/Tokyo";
  sources[0].full_text = true;
  sources[0].refresh_minutes = 30;
  sources[0].canonical = model::CanonicalPolicy::kOriginal;
  sources[1].url = "https://b.example/rss?a=1&b=2";
  sources[1].name = "B";
  sources[1].category = "News";
  sources[1].enabled = false;
  sources[2].url = "https://c.example/feed";
  const std::string text = WriteOpml(sources, "Media Jepang", 1'700'000'000);
  EXPECT_NE(text.find("<dateCreated>Tue, 14 Nov 2023 22:13:20 GMT</dateCreated>"),
            std::string::npos)
      << text;
  auto back = ParseOpml(text);
  ASSERT_TRUE(back.ok()) << back.error().message;
  ASSERT_EQ(back->sources.size(), 3u);
  // Top-level sources come first, then folders by name.
  EXPECT_EQ(back->sources[0].url, "https://c.example/feed");
  EXPECT_EQ(back->sources[0].name, "c.example");
  EXPECT_EQ(back->sources[1].url, "https://b.example/rss?a=1&b=2");
  EXPECT_EQ(back->sources[1].category, "News");
  EXPECT_FALSE(back->sources[1].enabled);
  const model::NewSource& k = back->sources[2];
  EXPECT_EQ(k.name, "Kyodo <\"wire\">");
  EXPECT_EQ(k.category, "News/Japan");
  EXPECT_EQ(k.lang, "ja");
  EXPECT_EQ(k.time_zone, "Asia/Tokyo");
  EXPECT_TRUE(k.full_text);
  EXPECT_EQ(k.refresh_minutes, 30);
  EXPECT_EQ(k.canonical, model::CanonicalPolicy::kOriginal);
  EXPECT_EQ(back->sources[1].canonical, model::CanonicalPolicy::kSelf);
  EXPECT_EQ(back->title, "Media Jepang");
}

TEST(OpmlTest, RefusesWhatIsNotOpmlAndHostileDocuments) {
  EXPECT_FALSE(ParseOpml("<rss><channel/></rss>").ok());
  EXPECT_FALSE(ParseOpml("").ok());
  EXPECT_FALSE(ParseOpml("<opml version=\"2.0\"><head/></opml>").ok());
  EXPECT_EQ(ParseOpml(std::string(kMaxOpmlBytes + 1, ' ')).error().code, ErrorCode::kTooLarge);
  // XXE and entity expansion do nothing.
  auto xxe = ParseOpml(
      "<?xml version=\"1.0\"?><!DOCTYPE o [<!ENTITY x SYSTEM \"file:///etc/passwd\">"
      "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
      "<opml><body><outline text=\"&x;&b;\" xmlUrl=\"https://x.example/\"/></body></opml>");
  ASSERT_TRUE(xxe.ok());
  ASSERT_EQ(xxe->sources.size(), 1u);
  EXPECT_EQ(xxe->sources[0].name.find("root:"), std::string::npos);
  EXPECT_LT(xxe->sources[0].name.size(), 1000u);
  // Deep nesting is cut, not recursed into without end.
  std::string deep = "<opml><body>";
  for (int i = 0; i < 200; ++i) deep += "<outline text=\"x\">";
  deep += "<outline xmlUrl=\"https://deep.example/\"/>";
  for (int i = 0; i < 200; ++i) deep += "</outline>";
  deep += "</body></opml>";
  auto parsed = ParseOpml(deep);
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->sources.empty());
}

}  // namespace
}  // namespace warta::ingest::opml
