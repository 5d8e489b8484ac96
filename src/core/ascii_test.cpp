#include "core/ascii.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace warta::ascii
