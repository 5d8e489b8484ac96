// Hostile inputs that reach the feed parser (its limits: ingest/feed/feed.h): malformed XML,
// billion laughs, XXE, huge bodies, invalid UTF-8, absurd and future dates. Each is contained:
// bounded time and output, a clear error or a bozo feed, nothing read from outside.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/rfc3339.h"
#include "core/utf8.h"
#include "ingest/feed/feed.h"

namespace warta::ingest::feed {
namespace {

Feed Parse(std::string_view bytes, const ParseOptions& options = {}) {
  auto feed = ParseFeed(bytes, options);
  EXPECT_TRUE(feed.ok()) << (feed.ok() ? "" : feed.error().ToString());
  return feed.ok() ? std::move(feed).value() : Feed{};
}

// Everything the parser returned, as one string (to search it for leaked content).
std::string Everything(const Feed& feed) {
  std::string all = feed.title + feed.link + feed.language;
  for (const Entry& e : feed.entries) {
    all += e.id + e.title + e.link + e.author + e.summary + e.content + e.image;
    for (const auto& c : e.categories) all += c;
  }
  return all;
}

double SecondsToParse(std::string_view bytes, Feed* out) {
  auto start = std::chrono::steady_clock::now();
  *out = Parse(bytes);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(HostileTest, MalformedXmlIsRecoveredWithBozo) {
  Feed truncated = Parse(
      "<rss version=\"2.0\"><channel><title>T</title><item><title>One</title></item>"
      "<item><title>Two</title><link>http://x.example/2</link><description>cut of");
  EXPECT_TRUE(truncated.bozo);
  EXPECT_FALSE(truncated.bozo_reason.empty());
  EXPECT_EQ(truncated.title, "T");
  ASSERT_EQ(truncated.entries.size(), 2U);
  EXPECT_EQ(truncated.entries[1].link, "http://x.example/2");

  Feed mismatched = Parse(
      "<rss><channel><title>T</titel><item><title>A</title></item>"
      "</channel></rss>");
  EXPECT_TRUE(mismatched.bozo);

  Feed bare = Parse("<rss><channel><title>Fish & Chips &nbsp;&eacute;</title></channel></rss>");
  EXPECT_TRUE(bare.bozo);
  EXPECT_EQ(bare.title, "Fish & Chips é");

  Feed leading = Parse(
      "Warning: x() in /var/www/feed.php on line 3<br>\n<?xml version=\"1.0\"?>"
      "<rss><channel><title>After junk</title></channel></rss>");
  EXPECT_TRUE(leading.bozo);
  EXPECT_EQ(leading.title, "After junk");
  Feed markup_first = Parse(
      "<br />\n<b>Warning</b>: x() failed<br />\n<rss><channel><title>T"
      "</title></channel></rss>");
  EXPECT_TRUE(markup_first.bozo);
  EXPECT_EQ(markup_first.title, "T");

  Feed unbound = Parse(
      "<rss><channel><atom:link rel=\"alternate\" href=\"http://u.example/\"/>"
      "<item><dc:creator>Jo</dc:creator></item></channel></rss>");
  EXPECT_TRUE(unbound.bozo);
  EXPECT_EQ(unbound.link, "http://u.example/");
  ASSERT_EQ(unbound.entries.size(), 1U);
  EXPECT_EQ(unbound.entries[0].author, "Jo");
}

TEST(HostileTest, BillionLaughsIsNotExpanded) {
  std::string doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n";
  for (int i = 1; i <= 9; ++i) {
    doc += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) {
      doc += "&lol" + (i == 1 ? std::string() : std::to_string(i - 1)) + ";";
    }
    doc += "\">\n";
  }
  doc +=
      "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>a&lol9;b</title>"
      "<description>&lol9;&lol;</description></item></channel></rss>";
  Feed feed;
  double seconds = SecondsToParse(doc, &feed);
  EXPECT_LT(seconds, 2.0);
  EXPECT_LT(Everything(feed).size(), 1000U);
  ASSERT_EQ(feed.entries.size(), 1U);
  EXPECT_EQ(feed.entries[0].title, "ab");
}

TEST(HostileTest, QuadraticBlowupStaysWithinTheEntityBudget) {
  std::string doc = "<!DOCTYPE rss [<!ENTITY big \"" + std::string(100000, 'x') +
                    "\">]><rss>"
                    "<channel><item><description>";
  for (int i = 0; i < 20000; ++i) doc += "&big;";
  doc += "</description></item></channel></rss>";
  Feed feed;
  double seconds = SecondsToParse(doc, &feed);
  EXPECT_LT(seconds, 2.0);
  EXPECT_LE(Everything(feed).size(), kMaxEntityExpansionBytes + 100);
  EXPECT_TRUE(feed.bozo);
}

TEST(HostileTest, ExternalEntitiesAreNeverRead) {
  std::string path =
      std::filesystem::temp_directory_path() / ("warta-xxe-" + std::to_string(::getpid()) + ".txt");
  {
    std::ofstream secret(path);
    secret << "SECRET-XXE-CONTENT";
  }
  std::string url = "file://" + path;
  const std::string docs[] = {
      "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + url +
          "\">]><rss><channel><title>&xxe;</title>"
          "<item><title>&xxe;</title><description>&xxe;</description></item></channel></rss>",
      "<!DOCTYPE rss [<!ENTITY % p SYSTEM \"" + url +
          "\"> %p;]><rss><channel><title>t"
          "</title></channel></rss>",
      "<!DOCTYPE rss SYSTEM \"" + url + "\"><rss><channel><title>t</title></channel></rss>",
      "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + path +
          "\">]><feed xmlns=\"http://www.w3.org/2005/"
          "Atom\"><title>&xxe;</title><entry><content>&xxe;</content></entry></feed>",
      "<rss xmlns:xi=\"http://www.w3.org/2001/XInclude\"><channel><title><xi:include href=\"" +
          url + "\" parse=\"text\"/></title></channel></rss>",
  };
  for (const std::string& doc : docs) {
    auto feed = ParseFeed(doc, {});
    if (feed.ok()) {
      EXPECT_EQ(Everything(*feed).find("SECRET"), std::string::npos) << doc;
    }
  }
  std::filesystem::remove(path);
}

TEST(HostileTest, HugeInputIsRefusedBeforeParsing) {
  std::string huge(kMaxFeedBytes + 1, ' ');
  huge.replace(0, 5, "<rss>");
  auto feed = ParseFeed(huge, {});
  ASSERT_FALSE(feed.ok());
  EXPECT_EQ(feed.error().code, ErrorCode::kTooLarge);
}

TEST(HostileTest, EntriesAreCapped) {
  std::string doc = "<rss><channel>";
  for (std::size_t i = 0; i <= kMaxEntries; ++i)
    doc += "<item><guid>" + std::to_string(i) + "</guid></item>";
  doc += "</channel></rss>";
  Feed feed = Parse(doc);
  EXPECT_EQ(feed.entries.size(), kMaxEntries);
  EXPECT_TRUE(feed.bozo);
}

TEST(HostileTest, DeepNestingIsBounded) {
  std::string xml = "<rss><channel><item><description>";
  for (int i = 0; i < 100000; ++i) xml += "<b>";
  xml += "deep</description></item></channel></rss>";
  Feed feed;
  EXPECT_LT(SecondsToParse(xml, &feed), 5.0);
  EXPECT_TRUE(feed.bozo);

  std::string json = "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [";
  json += std::string(100000, '[') + std::string(100000, ']') + "]}";
  auto parsed = ParseFeed(json, {});
  EXPECT_FALSE(parsed.ok());
}

TEST(HostileTest, InvalidUtf8BecomesValidText) {
  Feed feed = Parse(
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss><channel><title>Caf\xe9 "
      "\xff\xfe</title><item><title>\xc3\x28</title></item></channel></rss>");
  EXPECT_TRUE(feed.bozo);
  EXPECT_TRUE(utf8::IsValid(Everything(feed)));
  Feed json = Parse(
      "{\"version\": \"https://jsonfeed.org/version/1\", \"title\": \"\xff\", "
      "\"items\": [{\"id\": \"\xc3\x28\"}]}");
  EXPECT_TRUE(utf8::IsValid(Everything(json)));
}

TEST(HostileTest, AbsurdAndFutureDates) {
  ParseOptions options;
  options.now_unix = 1730000000;  // 2024-10-27
  Feed feed = Parse(
      "<rss><channel>"
      "<item><pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>"
      "<item><pubDate>0001-01-01T00:00:00Z</pubDate></item>"
      "<item><pubDate>Mon, 99 Foo 20245 99:99:99 XYZ</pubDate></item>"
      "<item><pubDate>2024-10-01T00:00:00Z</pubDate><dc:date "
      "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">9999-12-31T23:59:59Z</dc:date></item>"
      "</channel></rss>",
      options);
  ASSERT_EQ(feed.entries.size(), 4U);
  EXPECT_EQ(feed.entries[0].published, options.now_unix);
  EXPECT_FALSE(feed.entries[1].published.has_value());
  EXPECT_FALSE(feed.entries[2].published.has_value());
  EXPECT_EQ(FormatRfc3339Utc(*feed.entries[3].published), "2024-10-01T00:00:00Z");
  EXPECT_EQ(feed.entries[3].updated, options.now_unix);
}

TEST(HostileTest, DangerousLinksAreDropped) {
  Feed feed = Parse(
      "<rss><channel><link>javascript:alert(1)</link><item>"
      "<link>javascript:alert(1)</link><title>x</title>"
      "<description>&lt;a href=\"javascript:x()\" onclick=\"y()\"&gt;a&lt;/a&gt;"
      "</description></item></channel></rss>");
  EXPECT_EQ(feed.link, "");
  ASSERT_EQ(feed.entries.size(), 1U);
  EXPECT_EQ(feed.entries[0].link, "");
  EXPECT_EQ(feed.entries[0].summary.find("javascript"), std::string::npos);
  EXPECT_EQ(feed.entries[0].summary.find("onclick"), std::string::npos);
}

}  // namespace
}  // namespace warta::ingest::feed
