#include "core/ascii.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace warta::ascii {
namespace {

TEST(AsciiTest, TrimDropsOnlyAsciiSpaceAtBothEnds) {
  EXPECT_EQ(Trim(" \t\r\n\f\vtext  \n"), "text");
  EXPECT_EQ(Trim("a b"), "a b");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(Trim(""), "");
  EXPECT_EQ(TrimLeft("  x "), "x ");
  EXPECT_EQ(TrimRight("  x "), "  x");
  // U+00A0 (C2 A0) is not ASCII space: protocol text keeps it.
  EXPECT_EQ(Trim("\xC2\xA0x"), "\xC2\xA0x");
}

TEST(AsciiTest, FormatsTrimTheirOwnWhiteSpace) {
  EXPECT_EQ(Trim(" \tgzip\t ", IsHttpSpace), "gzip");
  EXPECT_EQ(Trim("\fgzip\r\n", IsHttpSpace), "\fgzip\r\n");
  EXPECT_EQ(Trim("\r\n 2024-01-02 \t", IsXmlSpace), "2024-01-02");
  EXPECT_EQ(Trim("\f2024\v", IsXmlSpace), "\f2024\v");
  EXPECT_EQ(Trim("\f\r\n x \t", IsHtmlSpace), "x");
  EXPECT_EQ(Trim("\vx", IsHtmlSpace), "\vx");
  EXPECT_EQ(Trim("   ", IsHttpSpace), "");
  EXPECT_EQ(Trim("", IsXmlSpace), "");
}

TEST(AsciiTest, LowerChangesOnlyAsciiLetters) {
  EXPECT_EQ(Lower("Content-Type: TEXT/HTML"), "content-type: text/html");
  EXPECT_EQ(Lower("\xC3\x89T\xC3\x89"), "\xC3\x89t\xC3\x89");  // ÉTÉ: the É bytes stay
  std::string s = "ABC";
  LowerInPlace(s);
  EXPECT_EQ(s, "abc");
}

TEST(AsciiTest, CaseInsensitiveComparisons) {
  EXPECT_TRUE(EqualsIgnoreCase("Keep-Alive", "keep-alive"));
  EXPECT_FALSE(EqualsIgnoreCase("keep", "keep-alive"));
  EXPECT_TRUE(EqualsIgnoreCase("Content-Length", "content-length"));
  EXPECT_FALSE(EqualsIgnoreCase("Content-Length", "content-lengths"));
  EXPECT_TRUE(StartsWithIgnoreCase("HTTPS://x", "https:"));
  EXPECT_FALSE(StartsWithIgnoreCase("http", "https"));
  EXPECT_TRUE(ContainsIgnoreCase("img class=LazyLoad", "lazy"));
  EXPECT_FALSE(ContainsIgnoreCase("img", "lazy"));
  EXPECT_TRUE(ContainsIgnoreCase("x", ""));
}

TEST(AsciiTest, Classes) {
  EXPECT_TRUE(IsSpace('\f'));
  EXPECT_FALSE(IsSpace('\0'));
  EXPECT_FALSE(IsSpace(static_cast<char>(0xA0)));
  EXPECT_TRUE(IsAlnum('z'));
  EXPECT_FALSE(IsAlnum('-'));
  EXPECT_TRUE(IsBlank(" \n\t"));
  EXPECT_FALSE(IsBlank(" x"));
  EXPECT_EQ(ToUpper('q'), 'Q');
}

// The word-at-a-time run against a byte-at-a-time reading of the same rule, at every byte
// value in every position of a word and on random text (where borrows across bytes would
// show).
std::size_t JsonPlainRunByBytes(std::string_view text, bool high_bytes_plain) {
  std::size_t plain = 0;
  while (plain < text.size()) {
    const auto byte = static_cast<unsigned char>(text[plain]);
    if (byte == '"' || byte == '\\' || byte < 0x20 || (byte >= 0x80 && !high_bytes_plain)) break;
    ++plain;
  }
  return plain - plain % 8;
}

TEST(AsciiTest, JsonPlainRunStopsWhereAByteNeedsEscaping) {
  for (bool high : {false, true}) {
    for (int value = 0; value < 256; ++value) {
      for (std::size_t at = 0; at < 16; ++at) {
        std::string text(24, 'a');
        text[at] = static_cast<char>(value);
        EXPECT_EQ(JsonPlainRun(text, high), JsonPlainRunByBytes(text, high))
            << "byte " << value << " at " << at << (high ? " (high bytes plain)" : "");
      }
    }
    std::mt19937 random(7);
    std::uniform_int_distribution<int> pick(0, 255);
    for (int round = 0; round < 20000; ++round) {
      std::string text(static_cast<std::size_t>(pick(random) % 40), ' ');
      // Mostly plain bytes, so the runs are long enough to cross several words.
      for (char& c : text)
        c = static_cast<char>(pick(random) < 240 ? 'a' + pick(random) % 26 : pick(random));
      ASSERT_EQ(JsonPlainRun(text, high), JsonPlainRunByBytes(text, high)) << text;
    }
  }
  EXPECT_EQ(JsonPlainRun("short", false), 0u);  // under one word: the caller goes by bytes
}

}  // namespace
}  // namespace warta::ascii
