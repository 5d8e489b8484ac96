// Hostile pages: each is contained (an error or an unacceptable result), fast, and never
// crashes or lets markup through.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>

#include "ingest/extractor/extractor.h"

namespace warta::ingest::extractor {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

std::string Repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

TEST(HostileTest, EmptyInputIsNoContent) {
  auto r = Extract("", {});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->acceptable);
  EXPECT_EQ(r->reason, "no content");
  EXPECT_EQ(r->content_html, "");
}

TEST(HostileTest, NoBodyOnlyHead) {
  auto r =
      Extract("<html><head><title>Just a title</title><meta name=author content=x></head>", {});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->acceptable);
  EXPECT_EQ(r->title, "Just a title");
}

TEST(HostileTest, BinaryGarbage) {
  std::mt19937 rng(42);
  std::string garbage(200'000, '\0');
  for (char& c : garbage) c = static_cast<char>(rng() & 0xFF);
  auto r = Extract(garbage, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->content_html.find("<script"), std::string::npos);
}

TEST(HostileTest, OverTheSizeLimitIsRefusedBeforeParsing) {
  ExtractOptions options;
  options.max_input_bytes = 1000;
  auto r = Extract(std::string(1001, 'a'), options);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
}

TEST(HostileTest, DeepNestingIsFlattened) {
  const std::string html =
      "<body>" + Repeat("<div class='c'>", 3'000) + "<p>text, with commas, deep down</p>";
  auto r = Extract(html, {});
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_NE(r->text.find("deep down"), std::string::npos);
}

TEST(HostileTest, NestingTooDeepToParseInTimeIsRefused) {
  // gumbo's tree building is quadratic in depth: 100 000 open <div>s take it seconds.
  ExtractOptions options;
  options.max_parse_cpu_seconds = 0.3;
  const auto start = Clock::now();
  auto r = Extract("<body>" + Repeat("<div>", 100'000), options);
  EXPECT_LT(SecondsSince(start), 5.0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
}

TEST(HostileTest, DeepAndWideAtOnceRunsOutOfBudget) {
  // Paragraphs at every level of a deep chain, then many more at the bottom: every per-element
  // measure walks a huge subtree. The scoring budget stops it.
  const std::string p = "<p>Some text, with commas, and <a href='/x'>a link</a> in it.</p>";
  std::string html = "<body>";
  for (int i = 0; i < 190; ++i) html += "<div class='d" + std::to_string(i) + "'>" + p;
  html += Repeat(p, 20'000);
  ExtractOptions options;
  options.max_cpu_seconds = 0.2;
  const auto start = Clock::now();
  auto r = Extract(html, options);
  EXPECT_LT(SecondsSince(start), 8.0);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_NE(r.error().message.find("score"), std::string::npos);
}

TEST(HostileTest, DeepInlineNestingAndManyBrs) {
  const std::string html = "<body><div>" + Repeat("<a href='#'><del><ins>", 2'000) + "x" +
                           Repeat("<br>", 20'000) + "y</div>";
  const auto start = Clock::now();
  auto r = Extract(html, {});
  EXPECT_LT(SecondsSince(start), 8.0);
  ASSERT_TRUE(r.ok() || r.error().code == ErrorCode::kTimeout);
}

TEST(HostileTest, HugeButOrdinaryPageStaysFast) {
  // 512 KB of paragraphs and link lists: linear work all the way (parse, score, sanitize).
  std::string html = "<body>";
  const std::string block =
      "<div class='block'><p>Some paragraph text, with a comma, that goes on for a while to "
      "look like an article, with more words.</p><ul><li><a href='/a'>a link</a></li>"
      "<li><a href='/b'>another link</a></li></ul></div>";
  html += Repeat(block, std::size_t{512} * 1024 / block.size());
  const auto start = Clock::now();
  auto r = Extract(html, {});
  EXPECT_LT(SecondsSince(start), 10.0);
  ASSERT_TRUE(r.ok()) << r.error().ToString();
  EXPECT_NE(r->text.find("look like an article"), std::string::npos);
}

TEST(HostileTest, JsonLdBombsAreIgnored) {
  const std::string nested = Repeat("[", 100'000) + Repeat("]", 100'000);
  const std::string big = "{\"@context\":\"https://schema.org\",\"@type\":\"Article\",\"name\":\"" +
                          std::string(1'000'000, 'n') + "\"}";
  for (const std::string& json : {nested, big}) {
    auto r = Extract("<title>Safe title of this page</title><script type='application/ld+json'>" +
                         json + "</script><body><p>x</p>",
                     {});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->title, "Safe title of this page");
  }
}

TEST(HostileTest, ScriptLookingTextStaysText) {
  std::string html = "<body><article>";
  for (int i = 0; i < 6; ++i) {
    html +=
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; is how the attack looked, said the "
        "researcher, who, like others, asked for the bug to be fixed quickly.</p>";
  }
  auto r = Extract(html + "</article>", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->content_html.find("<script"), std::string::npos);
  EXPECT_NE(r->content_html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(r->text.find("<script>alert(1)</script>"), std::string::npos);
}

}  // namespace
}  // namespace warta::ingest::extractor
