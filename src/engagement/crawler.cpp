// IsCrawler: one pass over the lowercased User-Agent with a filter on 3-byte prefixes; the
// token list is compared only where the filter says a token may start. Hand-written because
// it runs on every page view and a regex (or one find() per token) costs several times more.
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "engagement/visitor.h"

namespace warta::engagement {
namespace {

// Lowercase substrings. The generic words catch most crawlers (Googlebot, bingbot,
// YandexBot, DuckDuckBot, Applebot, AhrefsBot, SemrushBot, MJ12bot, PetalBot, GPTBot,
// Twitterbot, LinkedInBot, Slackbot, Discordbot, TelegramBot, Pinterestbot, UptimeRobot,
// Baiduspider, Bytespider, bingpreview, ...); the rest are agents without those words.
// Deliberately absent: curl, wget, python-urllib, wrk, HeadlessChrome, Chrome-Lighthouse
// (tests, benchmarks and audits use them as stand-ins for readers).
constexpr std::string_view kTokens[] = {
    "bot",
    "crawl",
    "spider",
    "slurp",  // generic; Yahoo! Slurp
    "+http",  // "compatible; X/1.0; +http://x/bot.html": no browser
    "facebookexternalhit",
    "facebookcatalog",
    "meta-externalagent",
    "meta-externalfetcher",
    "whatsapp",
    "embedly",
    "iframely",
    "vkshare",
    "preview",  // link previews
    "flipboardproxy",
    "feedfetcher",
    "mediapartners-google",
    "google-inspectiontool",
    "googleother",
    "ia_archiver",
    "scrapy",
    "qwantify",
    "chatgpt-user",
    "pingdom",
    "uptime",
    "statuscake",
    "site24x7",
    "newrelicpinger",  // monitors
};

// Every token is at least 3 bytes: a 4096-bit filter over the tokens' first 3 bytes lets the
// scan reject almost every position with one shift, one multiply and one bit test.
constexpr std::size_t kPrefixBytes = 3;
constexpr int kFilterBits = 12;

constexpr std::uint32_t FilterIndex(std::uint32_t prefix) {
  return (prefix * 0x9e3779b1u) >> (32 - kFilterBits);
}

constexpr std::uint32_t Prefix(std::string_view token) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(token[0])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(token[1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(token[2]));
}

struct PrefixFilter {
  std::array<std::uint64_t, (1u << kFilterBits) / 64> bits{};

  constexpr PrefixFilter() {
    for (std::string_view token : kTokens) {
      const std::uint32_t i = FilterIndex(Prefix(token));
      bits[i / 64] |= std::uint64_t{1} << (i % 64);
    }
  }
  constexpr bool MayMatch(std::uint32_t prefix) const {
    const std::uint32_t i = FilterIndex(prefix);
    return (bits[i / 64] >> (i % 64)) & 1;
  }
};

constexpr PrefixFilter kFilter;

constexpr bool TokensAreLongEnough() {
  for (std::string_view token : kTokens) {
    if (token.size() < kPrefixBytes) return false;
  }
  return true;
}
static_assert(TokensAreLongEnough());

// "cubot" is a phone brand that appears in real Android browser agents.
bool IsBrandNotBot(std::string_view lower, std::size_t pos) {
  return pos >= 2 && lower[pos - 2] == 'c' && lower[pos - 1] == 'u';
}

bool TokenAt(std::string_view lower, std::size_t start) {
  for (std::string_view token : kTokens) {
    if (lower.size() - start < token.size()) continue;
    if (std::memcmp(lower.data() + start, token.data(), token.size()) != 0) continue;
    if (token == "bot" && IsBrandNotBot(lower, start)) continue;
    return true;
  }
  return false;
}

bool ContainsToken(std::string_view lower) {
  std::uint32_t window = 0;  // the last 3 bytes
  for (std::size_t i = 0; i < lower.size(); ++i) {
    window = ((window << 8) | static_cast<unsigned char>(lower[i])) & 0xffffff;
    if (i + 1 < kPrefixBytes || !kFilter.MayMatch(window)) continue;
    if (TokenAt(lower, i + 1 - kPrefixBytes)) return true;
  }
  return false;
}

}  // namespace

bool IsCrawler(std::string_view user_agent) {
  if (user_agent.empty()) return true;
  char stack_buffer[512];
  std::string heap_buffer;
  char* lower = stack_buffer;
  if (user_agent.size() > sizeof stack_buffer) {
    heap_buffer.resize(user_agent.size());
    lower = heap_buffer.data();
  }
  for (std::size_t i = 0; i < user_agent.size(); ++i) {
    const char c = user_agent[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return ContainsToken(std::string_view(lower, user_agent.size()));
}

}  // namespace warta::engagement
