#include <gtest/gtest.h>

#include "ingest/dedup/canonical_url.h"
#include "ingest/dedup/fingerprint.h"
#include "ingest/dedup/near_duplicate.h"

namespace warta::ingest::dedup {
namespace {

// Fictional wire text written for these tests.
constexpr const char* kWire =
    "The regional transport office announced on Tuesday that the coastal railway line "
    "between the two harbour towns will reopen next month after eight weeks of repairs. "
    "Engineers replaced three bridges damaged by the autumn storms and strengthened the "
    "embankment along the river mouth. Officials said trains would run every thirty "
    "minutes during the morning and evening peaks, and every hour at other times. Local "
    "businesses welcomed the news, saying the closure had cut the number of visitors to "
    "the market by almost half. The office also plans a new station near the hospital, "
    "which is expected to open in the spring of next year if funding is approved by the "
    "provincial assembly.";

constexpr const char* kRewritten =
    "HARBOURTOWN - Good news for commuters: the regional transport office said on Tuesday "
    "that the coastal railway line between the two harbour towns will reopen next month "
    "after eight weeks of repairs. Engineers replaced three bridges damaged by the autumn "
    "storms and strengthened the embankment along the river mouth. Officials said trains "
    "would run every thirty minutes during the morning and evening peaks, and every hour at "
    "other times. Local businesses welcomed the news, saying the closure had cut the number "
    "of visitors to the market by almost half. The office also plans a new station near the "
    "hospital, which is expected to open in the spring of next year if funding is approved "
    "by the provincial assembly. (Reporting by the wire desk)";

constexpr const char* kUnrelated =
    "The city library will extend its opening hours during the exam season, the council "
    "said in a statement on Friday. Students will be able to use the reading rooms until "
    "midnight from Monday to Saturday, and a quiet study area with extra power sockets is "
    "being prepared on the second floor. The council said the change follows a survey in "
    "which most respondents asked for later hours and more seats. Volunteers from the "
    "university will help staff the evening shifts, and a small cafe will stay open until "
    "ten. The trial will last six weeks, after which the council will decide whether to "
    "keep the longer hours for the rest of the year.";

TEST(CanonicalUrlTest, DropsTrackingFragmentsAndDefaultPorts) {
  EXPECT_EQ(CanonicalUrl("HTTP://WWW.Example.COM:80/News/Story?utm_source=rss&utm_medium=feed"
                         "&id=7&fbclid=abc#comments"),
            "https://example.com/News/Story?id=7");
  EXPECT_EQ(CanonicalUrl("https://example.com:443/a/?b=2&a=1&gclid=x"),
            "https://example.com/a?a=1&b=2");
  EXPECT_EQ(CanonicalUrl("https://example.com:8443/a"), "https://example.com:8443/a");
  EXPECT_EQ(CanonicalUrl("https://user:pw@example.com./a"), "https://example.com/a");
  EXPECT_EQ(CanonicalUrl("https://example.com"), "https://example.com/");
}

TEST(CanonicalUrlTest, UnifiesAmpAndMobileVersions) {
  const std::string canonical = "https://news.example.jp/articles/2024/quake";
  for (const char* url : {"https://news.example.jp/articles/2024/quake",
                          "http://news.example.jp/articles/2024/quake/",
                          "https://amp.news.example.jp/articles/2024/quake",
                          "https://m.news.example.jp/articles/2024/quake/amp",
                          "https://mobile.news.example.jp/amp/articles/2024/quake",
                          "https://www.news.example.jp/articles/2024/quake?outputType=amp",
                          "https://news.example.jp/articles/2024/quake.amp",
                          "https://news.example.jp/articles/%32024/quake?amp=1"}) {
    EXPECT_EQ(CanonicalUrl(url), canonical) << url;
  }
  EXPECT_EQ(CanonicalUrl("https://example.com/story.amp.html"), "https://example.com/story.html");
  EXPECT_EQ(CanonicalUrl("https://m.example/a"), "https://m.example/a");  // not a prefix
}

TEST(CanonicalUrlTest, KeepsWhatIdentifiesTheArticle) {
  EXPECT_EQ(CanonicalUrl("https://example.com/read.php?id=5&page=2"),
            "https://example.com/read.php?id=5&page=2");
  EXPECT_NE(CanonicalUrl("https://example.com/read.php?id=5"),
            CanonicalUrl("https://example.com/read.php?id=6"));
  EXPECT_EQ(CanonicalUrl("https://example.com/a%2fb%7e"), "https://example.com/a%2Fb~");
}

TEST(CanonicalUrlTest, RefusesWhatIsNotHttp) {
  EXPECT_EQ(CanonicalUrl("javascript:alert(1)"), "");
  EXPECT_EQ(CanonicalUrl("ftp://example.com/a"), "");
  EXPECT_EQ(CanonicalUrl("/relative/path"), "");
  EXPECT_EQ(CanonicalUrl("https:///nohost"), "");
  EXPECT_EQ(CanonicalUrl("https://example.com/" + std::string(5000, 'a')), "");
  EXPECT_EQ(CanonicalUrl("https://example.com/a b"), "");
}

TEST(FingerprintTest, TokenizeNormalizesCaseAndPunctuationAndSplitsCjk) {
  EXPECT_EQ(Tokenize("Hello, WORLD!  It's 2024."),
            (std::vector<std::string>{"hello", "world", "it", "s", "2024"}));
  EXPECT_EQ(Tokenize("東京で地震"), (std::vector<std::string>{"東", "京", "で", "地", "震"}));
  EXPECT_EQ(Tokenize("Ｔｏｋｙｏ　２０２４"), (std::vector<std::string>{"tokyo", "2024"}));
  EXPECT_EQ(Tokenize("café naïve"), (std::vector<std::string>{"café", "naïve"}));
  EXPECT_EQ(Tokenize("bad \xff bytes"), (std::vector<std::string>{"bad", "bytes"}));
  EXPECT_TRUE(Tokenize("").empty());
}

TEST(FingerprintTest, ContentHashIgnoresFormattingOnly) {
  EXPECT_EQ(ContentHash("Hello, world!"), ContentHash("hello   WORLD"));
  EXPECT_NE(ContentHash("Hello, world!"), ContentHash("Hello, world again"));
  EXPECT_EQ(ContentHash("Hello, world!").size(), 32u);
  EXPECT_EQ(ContentHash(" ... "), "");
}

TEST(FingerprintTest, SimHashSeesRewritesAsNearAndOtherStoriesAsFar) {
  auto wire = SimHash(kWire);
  auto rewritten = SimHash(kRewritten);
  auto unrelated = SimHash(kUnrelated);
  ASSERT_TRUE(wire && rewritten && unrelated);
  const int near = HammingDistance(*wire, *rewritten);
  const int far = HammingDistance(*wire, *unrelated);
  EXPECT_LE(near, kDefaultMaxDistance) << "near " << near;
  EXPECT_GT(far, kDefaultMaxDistance + 6) << "far " << far;
  EXPECT_EQ(SimHash(kWire), wire);  // deterministic
  EXPECT_FALSE(SimHash("too short to compare"));
}

TEST(FingerprintTest, SimHashWorksForJapaneseText) {
  const std::string a =
      "気象庁は火曜日、北日本の沿岸部で明日の朝にかけて強い風と高い波が予想されるとして、"
      "漁業関係者や海岸付近の住民に注意を呼びかけた。交通機関にも影響が出る可能性がある。";
  const std::string b = "【東京】" + a + "（共同）";
  const std::string c =
      "市立図書館は試験期間中、閲覧室の開館時間を午前零時まで延長すると発表した。"
      "二階には電源付きの学習スペースも新たに設けられる予定だという。";
  auto ha = SimHash(a), hb = SimHash(b), hc = SimHash(c);
  ASSERT_TRUE(ha && hb && hc);
  EXPECT_LE(HammingDistance(*ha, *hb), kDefaultMaxDistance);
  EXPECT_GT(HammingDistance(*ha, *hc), kDefaultMaxDistance);
}

TEST(NearDuplicateTest, PicksTheClosestWithinTheThreshold) {
  const std::uint64_t h = 0xFFFF0000FFFF0000ULL;
  const Fingerprint candidates[] = {{1, h ^ 0xF}, {2, h ^ 0x3}, {3, ~h}, {4, h ^ 0x3}};
  auto match = FindNearDuplicate(h, candidates, 5);
  ASSERT_TRUE(match);
  EXPECT_EQ(match->article_id, 2);
  EXPECT_EQ(match->distance, 2);
  EXPECT_FALSE(FindNearDuplicate(h, candidates, 1));
  EXPECT_FALSE(FindNearDuplicate(h, {}, 64));
}

}  // namespace
}  // namespace warta::ingest::dedup
