// Each format through the public API: RSS 0.91/2.0, RSS 1.0, Atom 0.3/1.0, JSON Feed 1.0/1.1
// and the namespaced extensions feeds use.
#include <gtest/gtest.h>

#include <string>

#include "core/rfc3339.h"
#include "ingest/feed/feed.h"

namespace warta::ingest::feed {
namespace {

Feed Parse(std::string_view bytes, ParseOptions options = {}) {
  auto feed = ParseFeed(bytes, options);
  EXPECT_TRUE(feed.ok()) << (feed.ok() ? "" : feed.error().ToString());
  return feed.ok() ? std::move(feed).value() : Feed{};
}

std::string Date(const std::optional<std::int64_t>& when) {
  return when ? FormatRfc3339Utc(*when) : "none";
}

TEST(FormatsTest, Rss20WithExtensions) {
  Feed feed = Parse(R"(<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/"
     xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Mainichi &amp; Kyodo</title>
  <link>https://mainichi.example/</link>
  <atom:link rel="self" href="https://mainichi.example/rss.xml"/>
  <language>ja</language>
  <item>
    <title>Typhoon &lt;b&gt;nears&lt;/b&gt; Tokyo</title>
    <link>/articles/1</link>
    <guid isPermaLink="false">m-0001</guid>
    <pubDate>Fri, 01 Nov 2024 12:00:00 +0900</pubDate>
    <dc:creator>Taro Yamada</dc:creator>
    <dc:date>2024-11-01T13:00:00+09:00</dc:date>
    <category>weather</category>
    <description>Short &lt;em&gt;summary&lt;/em&gt;</description>
    <content:encoded><![CDATA[<p>Full <a href="/more">text</a><script>bad()</script></p>]]></content:encoded>
    <media:thumbnail url="https://img.example/1.jpg"/>
    <enclosure url="https://cdn.example/a.mp3" type="audio/mpeg" length="1234"/>
  </item>
  <item><guid>https://mainichi.example/articles/2</guid><title>Second</title></item>
</channel></rss>)",
                    ParseOptions{"https://mainichi.example/rss.xml", "", "", 0, true});
  EXPECT_FALSE(feed.bozo) << feed.bozo_reason;
  EXPECT_EQ(feed.format, Format::kRss20);
  EXPECT_EQ(feed.title, "Mainichi & Kyodo");
  EXPECT_EQ(feed.link, "https://mainichi.example/");
  EXPECT_EQ(feed.language, "ja");
  ASSERT_EQ(feed.entries.size(), 2U);
  const Entry& e = feed.entries[0];
  EXPECT_EQ(e.id, "m-0001");
  EXPECT_EQ(e.title, "Typhoon nears Tokyo");
  EXPECT_EQ(e.link, "https://mainichi.example/articles/1");
  EXPECT_EQ(Date(e.published), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Date(e.updated), "2024-11-01T04:00:00Z");
  EXPECT_EQ(e.author, "Taro Yamada");
  EXPECT_EQ(e.categories, std::vector<std::string>{"weather"});
  EXPECT_NE(e.summary.find("<em>summary</em>"), std::string::npos);
  EXPECT_NE(e.content.find("href=\"https://mainichi.example/more\""), std::string::npos);
  EXPECT_EQ(e.content.find("script"), std::string::npos);
  EXPECT_EQ(e.image, "https://img.example/1.jpg");
  ASSERT_EQ(e.enclosures.size(), 1U);
  EXPECT_EQ(e.enclosures[0].url, "https://cdn.example/a.mp3");
  EXPECT_EQ(e.enclosures[0].length, 1234);
  // A permalink guid doubles as the link.
  EXPECT_EQ(feed.entries[1].link, "https://mainichi.example/articles/2");
}

TEST(FormatsTest, Rss091AndBareItems) {
  Feed feed = Parse(R"(<rss version="0.91"><channel><title>Old</title>
    <item><title>One</title><link>http://old.example/1</link>
    <description>Caf&eacute;&nbsp;time</description></item></channel></rss>)");
  EXPECT_EQ(feed.format, Format::kRss091);
  ASSERT_EQ(feed.entries.size(), 1U);
  EXPECT_EQ(feed.entries[0].link, "http://old.example/1");
  EXPECT_NE(feed.entries[0].summary.find("Café"), std::string::npos);
  EXPECT_TRUE(feed.bozo) << "HTML entities are not XML";
}

TEST(FormatsTest, Rss10Rdf) {
  Feed feed = Parse(R"(<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="http://rdf.example/"><title>RDF site</title>
    <link>http://rdf.example/</link><dc:language>de</dc:language></channel>
  <item rdf:about="http://rdf.example/1"><title>Eins</title><link>http://rdf.example/1</link>
    <dc:date>2024-11-01T12:00:00+01:00</dc:date><dc:creator>Heise</dc:creator></item>
  <item rdf:about="http://rdf.example/2"><title>Zwei</title></item>
</rdf:RDF>)");
  EXPECT_EQ(feed.format, Format::kRss10);
  EXPECT_EQ(feed.title, "RDF site");
  EXPECT_EQ(feed.language, "de");
  ASSERT_EQ(feed.entries.size(), 2U);
  EXPECT_EQ(feed.entries[0].id, "http://rdf.example/1");
  EXPECT_EQ(Date(feed.entries[0].updated), "2024-11-01T11:00:00Z");
  EXPECT_EQ(feed.entries[0].author, "Heise");
  EXPECT_EQ(feed.entries[1].title, "Zwei");
}

TEST(FormatsTest, Atom10TextConstructsAndXmlBase) {
  Feed feed = Parse(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"
      xml:base="http://atom.example/blog/">
  <title type="html">A &amp;lt;Blog&amp;gt;</title>
  <link rel="self" href="feed.atom"/><link href="./"/>
  <entry xml:base="2024/">
    <id>tag:atom.example,2024:1</id>
    <title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">An <b>xhtml</b> title</div></title>
    <link rel="alternate" type="text/html" href="post.html"/>
    <link rel="enclosure" type="image/png" href="/pic.png" length="10"/>
    <published>2024-11-01T12:00:00Z</published><updated>2024-11-02T12:00:00Z</updated>
    <author><name>Ann</name><email>ann@example.org</email></author>
    <category term="news"/>
    <summary>Plain &lt;text&gt; summary</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>See <a href="x.html">x</a></p></div></content>
  </entry>
  <entry><id>http://atom.example/blog/no-link</id>
    <title type="application/octet-stream">QmFzZTY0IHRpdGxl</title></entry>
</feed>)");
  EXPECT_EQ(feed.format, Format::kAtom10);
  EXPECT_EQ(feed.title, "A <Blog>");
  EXPECT_EQ(feed.link, "http://atom.example/blog/");
  EXPECT_EQ(feed.language, "en");
  ASSERT_EQ(feed.entries.size(), 2U);
  const Entry& e = feed.entries[0];
  EXPECT_EQ(e.id, "tag:atom.example,2024:1");
  EXPECT_EQ(e.title, "An xhtml title");
  EXPECT_EQ(e.link, "http://atom.example/blog/2024/post.html");
  EXPECT_EQ(Date(e.published), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Date(e.updated), "2024-11-02T12:00:00Z");
  EXPECT_EQ(e.author, "Ann");
  EXPECT_EQ(e.image, "http://atom.example/pic.png");
  EXPECT_EQ(e.summary, "Plain &lt;text&gt; summary");
  EXPECT_NE(e.content.find("href=\"http://atom.example/blog/2024/x.html\""), std::string::npos)
      << e.content;
  EXPECT_EQ(feed.entries[1].title, "Base64 title");
  EXPECT_EQ(feed.entries[1].link, "http://atom.example/blog/no-link");
}

TEST(FormatsTest, Atom03) {
  Feed feed = Parse(R"(<feed version="0.3" xmlns="http://purl.org/atom/ns#">
  <title mode="escaped" type="text/html">Old &lt;i&gt;Atom&lt;/i&gt;</title>
  <link rel="alternate" type="text/html" href="http://old.example/"/>
  <entry><title mode="base64">RW50cnkgVGl0bGU=</title>
    <link rel="alternate" type="text/html" href="http://old.example/1"/>
    <id>tag:old,1</id><issued>2004-01-01T19:48:21Z</issued><modified>2004-01-02T19:48:21Z</modified>
    <content type="text/html" mode="escaped">&lt;p&gt;Body&lt;/p&gt;</content></entry>
</feed>)");
  EXPECT_EQ(feed.format, Format::kAtom03);
  EXPECT_EQ(feed.title, "Old Atom");
  EXPECT_EQ(feed.link, "http://old.example/");
  ASSERT_EQ(feed.entries.size(), 1U);
  EXPECT_EQ(feed.entries[0].title, "Entry Title");
  EXPECT_EQ(Date(feed.entries[0].published), "2004-01-01T19:48:21Z");
  EXPECT_EQ(Date(feed.entries[0].updated), "2004-01-02T19:48:21Z");
  EXPECT_EQ(feed.entries[0].content, "<p>Body</p>");
}

TEST(FormatsTest, JsonFeed11And10) {
  Feed feed = Parse(R"({"version": "https://jsonfeed.org/version/1.1", "title": "JSON news",
    "home_page_url": "https://json.example/", "language": "id",
    "authors": [{"name": "Redaksi"}],
    "items": [{"id": 7, "url": "/7", "title": "Tujuh", "content_html": "<p>Isi</p>",
               "summary": "Ringkas & jelas", "date_published": "2024-11-01T12:00:00+07:00",
               "date_modified": "2024-11-01T13:00:00+07:00", "tags": ["a", "b"],
               "image": "https://json.example/7.jpg",
               "attachments": [{"url": "https://json.example/7.mp3", "mime_type": "audio/mpeg",
                                "size_in_bytes": 99}]}]})",
                    ParseOptions{"https://json.example/feed.json", "", "", 0, true});
  EXPECT_FALSE(feed.bozo);
  EXPECT_EQ(feed.format, Format::kJson);
  EXPECT_EQ(feed.title, "JSON news");
  EXPECT_EQ(feed.link, "https://json.example/");
  ASSERT_EQ(feed.entries.size(), 1U);
  const Entry& e = feed.entries[0];
  EXPECT_EQ(e.id, "7");
  EXPECT_EQ(e.link, "https://json.example/7");
  EXPECT_EQ(e.title, "Tujuh");
  EXPECT_EQ(e.content, "<p>Isi</p>");
  EXPECT_EQ(e.summary, "Ringkas &amp; jelas");
  EXPECT_EQ(Date(e.published), "2024-11-01T05:00:00Z");
  EXPECT_EQ(Date(e.updated), "2024-11-01T06:00:00Z");
  EXPECT_EQ(e.author, "Redaksi");
  EXPECT_EQ(e.categories.size(), 2U);
  ASSERT_EQ(e.enclosures.size(), 1U);
  EXPECT_EQ(e.enclosures[0].length, 99);

  Feed v10 = Parse(R"({"version": "https://jsonfeed.org/version/1", "title": "Old",
    "author": {"name": "Jo"}, "items": [{"id": "1", "content_text": "a\nb"}]})");
  ASSERT_EQ(v10.entries.size(), 1U);
  EXPECT_EQ(v10.entries[0].author, "Jo");
  EXPECT_EQ(v10.entries[0].content, "a<br>b");

  Feed unversioned = Parse(R"({"version": "1.0", "items": [{"id": "x"}]})");
  EXPECT_TRUE(unversioned.bozo);
  EXPECT_EQ(unversioned.entries.size(), 1U);
}

TEST(FormatsTest, NotFeeds) {
  for (const char* bytes :
       {"", "   \n", "just text", "<html><body>page</body></html>",
        "<?xml version=\"1.0\"?><note><to>x</to></note>", "{\"name\": \"not a feed\"}",
        "{\"version\": \"https://jsonfeed.org/version/1\"", "[1, 2, 3]"}) {
    auto feed = ParseFeed(bytes, {});
    ASSERT_FALSE(feed.ok()) << bytes;
    EXPECT_EQ(feed.error().code, ErrorCode::kInvalidArgument) << bytes;
  }
}

TEST(FormatsTest, UnsanitizedWhenAsked) {
  ParseOptions options;
  options.sanitize = false;
  Feed feed = Parse(
      "<rss><channel><item><description>&lt;script&gt;x()&lt;/script&gt;"
      "</description></item></channel></rss>",
      options);
  ASSERT_EQ(feed.entries.size(), 1U);
  EXPECT_EQ(feed.entries[0].summary, "<script>x()</script>");
}

}  // namespace
}  // namespace warta::ingest::feed
