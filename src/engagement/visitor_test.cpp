#include "engagement/visitor.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace warta::engagement {
namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kNow = 1'730'419'200;  // 2024-11-01T00:00:00Z
const std::string kSecret(32, 's');
constexpr std::string_view kChrome =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36";
constexpr std::string_view kHeadlessChrome =
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/120.0.6099.224 Safari/537.36";
constexpr std::string_view kIphoneSafari =
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
constexpr std::string_view kCubotPhone =  // a phone brand, not a bot
    "Mozilla/5.0 (Linux; Android 10; CUBOT_X30) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36";
constexpr std::string_view kLighthouse =
    "Mozilla/5.0 (Linux; Android 11; moto g(30)) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse";
constexpr std::string_view kBingbot =
    "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; "
    "+http://www.bing.com/bingbot.htm) Chrome/116.0.1938.76 Safari/537.36";

TEST(VisitorCookie, RoundTripsAndHasTheDocumentedShape) {
  VisitorIdentifier ids(kSecret);
  const std::string cookie = ids.MakeCookie(0x0123456789abcdefULL);
  ASSERT_EQ(cookie.size(), 39u);
  EXPECT_EQ(cookie.substr(0, 17), "0123456789abcdef.");
  EXPECT_EQ(cookie.find_first_not_of(
                "0123456789abcdef.ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"),
            std::string::npos);

  const VisitorId id = ids.Identify(cookie, "192.0.2.1", kChrome, kNow);
  EXPECT_TRUE(id.from_cookie);
  EXPECT_EQ(id.value, 0x0123456789abcdefULL);
  // Valid on any day and from any address: the cookie is the visitor.
  EXPECT_EQ(ids.Identify(cookie, "198.51.100.7", "other", kNow + 40 * kDay).value,
            0x0123456789abcdefULL);
  EXPECT_EQ(ids.Identify(ids.MakeCookie(0), "a", "b", kNow).value, 0u);
  EXPECT_TRUE(ids.Identify(ids.MakeCookie(~0ULL), "a", "b", kNow).from_cookie);
}

TEST(VisitorCookie, SurvivesARestartWithTheSameSecret) {
  const std::string cookie = VisitorIdentifier(kSecret).MakeCookie(42);
  VisitorIdentifier restarted(kSecret);
  EXPECT_TRUE(restarted.Identify(cookie, "a", "b", kNow).from_cookie);
}

TEST(VisitorCookie, ForgedOrMalformedFallsBackToTheAddressHash) {
  VisitorIdentifier ids(kSecret);
  const std::string good = ids.MakeCookie(0xfeedfacecafebeefULL);
  const std::uint64_t address_hash = ids.AddressHash("192.0.2.1", kChrome, kNow);

  std::vector<std::string> bad = {
      "",
      "garbage",
      good.substr(0, good.size() - 1),
      good + "A",
      VisitorIdentifier(std::string(32, 't')).MakeCookie(0xfeedfacecafebeefULL),
  };
  std::string other_id = good;
  other_id[0] = other_id[0] == '0' ? '1' : '0';  // somebody else's id, same signature
  bad.push_back(other_id);
  std::string flipped = good;
  flipped.back() = flipped.back() == 'A' ? 'B' : 'A';
  bad.push_back(flipped);
  std::string upper = good;
  upper[0] = 'F';  // canonical ids are lowercase
  bad.push_back(upper);
  std::string no_dot = good;
  no_dot[16] = '_';
  bad.push_back(no_dot);

  for (const std::string& cookie : bad) {
    const VisitorId id = ids.Identify(cookie, "192.0.2.1", kChrome, kNow);
    EXPECT_FALSE(id.from_cookie) << cookie;
    EXPECT_EQ(id.value, address_hash) << cookie;
  }
  EXPECT_TRUE(ids.Identify(good, "192.0.2.1", kChrome, kNow).from_cookie);
}

TEST(VisitorAddressHash, IsStableWithinADayAndChangesAcrossDays) {
  VisitorIdentifier ids(kSecret);
  const std::uint64_t morning = ids.AddressHash("192.0.2.1", kChrome, kNow + 60);
  EXPECT_EQ(ids.AddressHash("192.0.2.1", kChrome, kNow + kDay - 1), morning);
  const std::uint64_t next_day = ids.AddressHash("192.0.2.1", kChrome, kNow + kDay);
  EXPECT_NE(next_day, morning);
  // Going back (a stale clock on one request) still gives that day's value.
  EXPECT_EQ(ids.AddressHash("192.0.2.1", kChrome, kNow), morning);
  EXPECT_EQ(ids.AddressHash("192.0.2.1", kChrome, kNow + kDay + 5), next_day);
}

TEST(VisitorAddressHash, SeparatesAddressesAgentsAndSecrets) {
  VisitorIdentifier ids(kSecret);
  std::set<std::uint64_t> seen;
  seen.insert(ids.AddressHash("192.0.2.1", kChrome, kNow));
  seen.insert(ids.AddressHash("192.0.2.2", kChrome, kNow));
  seen.insert(ids.AddressHash("192.0.2.1", "curl/7.88.1", kNow));
  seen.insert(ids.AddressHash("2001:db8::1", kChrome, kNow));
  seen.insert(ids.AddressHash("", "", kNow));
  seen.insert(VisitorIdentifier("another secret").AddressHash("192.0.2.1", kChrome, kNow));
  const std::string long_agent(5000, 'x');  // beyond the stack buffer
  seen.insert(ids.AddressHash("192.0.2.1", long_agent, kNow));
  seen.insert(ids.AddressHash("192.0.2.1", long_agent + "y", kNow));
  EXPECT_EQ(seen.size(), 8u);
  EXPECT_EQ(ids.AddressHash("192.0.2.1", long_agent, kNow),
            ids.AddressHash("192.0.2.1", long_agent, kNow));
}

TEST(VisitorAddressHash, IsConsistentAcrossThreadsWhileTheDayChanges) {
  VisitorIdentifier reference(kSecret);
  std::vector<std::uint64_t> expected;
  expected.reserve(50);
  for (int d = 0; d < 50; ++d) expected.push_back(reference.AddressHash("a", "b", kNow + d * kDay));

  VisitorIdentifier ids(kSecret);
  std::vector<std::thread> threads;
  threads.reserve(4);
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20000; ++i) {
        const int d = (i / 400 + (t % 2) * (i % 3)) % 50;  // mostly forward, some jitter
        if (ids.AddressHash("a", "b", kNow + d * kDay) != expected[d]) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

TEST(Crawler, KnownCrawlersPreviewersAndMonitors) {
  for (std::string_view agent : std::initializer_list<std::string_view>{
           "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", kBingbot,
           "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
           "Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)",
           "DuckDuckBot/1.1; (+http://duckduckgo.com/duckduckbot.html)",
           "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
           "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
           "Twitterbot/1.0", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
           "WhatsApp/2.23.20.0", "TelegramBot (like TwitterBot)",
           "Mozilla/5.0 (compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)",
           "Pingdom.com_bot_version_1.4_(http://www.pingdom.com/)",
           "Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)",
           "Scrapy/2.11.0 (+https://scrapy.org)",
           "GOOGLEBOT",  // case-insensitive
           "",           // browsers always send an agent
       }) {
    EXPECT_TRUE(IsCrawler(agent)) << agent;
  }
}

TEST(Crawler, ReadersBrowsersAndTestClientsAreNotCrawlers) {
  for (std::string_view agent : std::initializer_list<std::string_view>{
           kChrome,
           kHeadlessChrome,
           "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
           kIphoneSafari,
           kCubotPhone,
           kLighthouse,
           "curl/7.88.1",
           "Wget/1.21.3",
           "Python-urllib/3.11",
           "python-requests/2.28.1",
           "wrk",
       }) {
    EXPECT_FALSE(IsCrawler(agent)) << agent;
  }
  const std::string long_browser = std::string(kChrome) + std::string(3000, ' ');
  EXPECT_FALSE(IsCrawler(long_browser));
  EXPECT_TRUE(IsCrawler(std::string(3000, ' ') + "Googlebot"));  // beyond the stack buffer
}

}  // namespace
}  // namespace warta::engagement
