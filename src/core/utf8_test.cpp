#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::utf8 {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValid(""));
  EXPECT_TRUE(IsValid("plain"));
  EXPECT_TRUE(IsValid("Kemitraan \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"));  // 日本 😀
}

TEST(Utf8Test, RefusesMalformedSequencesAndSaysWhere) {
  struct Case {
    std::string text;
    std::size_t offset;
  };
  const Case cases[] = {
      {"ab\xC0\xAF", 2},           // overlong '/'
      {"\xED\xA0\x80", 0},         // a surrogate
      {"x\xF4\x90\x80\x80", 1},    // above U+10FFFF
      {"abc\xE6\x97", 3},          // cut short
      {"\x80", 0},                 // a lone continuation byte
      {"ok\xE6\x41\xA5", 2},       // ASCII where a continuation belongs
      {"\xF8\x88\x80\x80\x80", 0}  // five-byte form
  };
  for (const auto& c : cases) {
    std::size_t at = 99;
    EXPECT_FALSE(IsValid(c.text, &at)) << c.text;
    EXPECT_EQ(at, c.offset) << c.text;
    EXPECT_FALSE(IsValidMostlyAscii(c.text)) << c.text;
  }
}

TEST(Utf8Test, RejectsMalformedSequences) {
  std::size_t bad = 99;
  EXPECT_TRUE(IsValid("plain ascii, é, 東京, 😀"));
  EXPECT_FALSE(IsValid("\xC0\xAF", &bad));  // overlong '/'
  EXPECT_EQ(bad, 0u);
  EXPECT_FALSE(IsValid("ab\xED\xA0\x80", &bad));  // UTF-16 surrogate
  EXPECT_EQ(bad, 2u);
  EXPECT_FALSE(IsValid("\xF4\x90\x80\x80"));  // > U+10FFFF
  EXPECT_FALSE(IsValid("\xE6\x9D"));          // truncated
  EXPECT_FALSE(IsValid("\x80"));              // lone continuation
}

TEST(Utf8Test, TheFastPathAgreesOnLongMixedText) {
  std::string text(100, 'a');
  text += "\xE6\x97\xA5";
  text += std::string(37, '<');
  EXPECT_TRUE(IsValidMostlyAscii(text));
  text += "\xE6\x97";
  text += std::string(20, 'b');
  EXPECT_FALSE(IsValidMostlyAscii(text));
}

TEST(Utf8Test, AppendEncodesEachLength) {
  std::string out;
  for (char32_t c : {U'a', U'\u00E9', U'\u65E5', U'\U0001F600'}) Append(out, c);
  EXPECT_EQ(out, "a\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80");
  EXPECT_TRUE(IsValid(out));
}

TEST(Utf8Test, CutPointNeverSplitsASequence) {
  const std::string text = "ab\xE6\x97\xA5";  // "ab日"
  EXPECT_EQ(CutPoint(text, 10), 5u);
  EXPECT_EQ(CutPoint(text, 5), 5u);
  EXPECT_EQ(CutPoint(text, 4), 2u);
  EXPECT_EQ(CutPoint(text, 3), 2u);
  EXPECT_EQ(CutPoint(text, 2), 2u);
}

TEST(Utf8Test, NextDecodesAndStepsOverBadBytesOneAtATime) {
  const std::string text = "a\xC3\xA9\xE6\x97\xA5\xF0\x9F\x98\x80\xC0\xAF\xE6\x97";
  std::size_t i = 0;
  EXPECT_EQ(Next(text, i), U'a');
  EXPECT_EQ(Next(text, i), U'\u00E9');
  EXPECT_EQ(Next(text, i), U'\u65E5');
  EXPECT_EQ(Next(text, i), U'\U0001F600');
  EXPECT_EQ(i, 10u);
  EXPECT_EQ(Next(text, i), U'\uFFFD');  // overlong C0 AF
  EXPECT_EQ(i, 11u);
  EXPECT_EQ(Next(text, i), U'\uFFFD');  // the lone continuation AF
  EXPECT_EQ(Next(text, i), U'\uFFFD');  // E6 97 cut short
  EXPECT_EQ(Next(text, i), U'\uFFFD');
  EXPECT_EQ(i, text.size());
}

}  // namespace
}  // namespace warta::utf8
