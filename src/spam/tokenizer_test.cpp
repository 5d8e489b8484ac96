#include "spam/tokenizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/limits.h"

namespace warta::spam {
namespace {

bool Has(const std::vector<std::string>& tokens, const std::string& token) {
  return std::find(tokens.begin(), tokens.end(), token) != tokens.end();
}

TEST(TokenizerTest, EmptyTextHasNoTokens) { EXPECT_TRUE(Tokenize("").empty()); }

TEST(TokenizerTest, LinksBecomeHostTokensAndACount) {
  const auto tokens = Tokenize(
      "Daftar di https://User@Gacor88.Example:8080/daftar?ref=1, atau www.promo.example. "
      "juga http://bit.example/x");
  EXPECT_TRUE(Has(tokens, "host:gacor88.example"));
  EXPECT_TRUE(Has(tokens, "host:promo.example"));
  EXPECT_TRUE(Has(tokens, "host:bit.example"));
  EXPECT_TRUE(Has(tokens, "links:3+"));
  // The path and query of a link are not words.
  EXPECT_FALSE(Has(tokens, "daftar?ref"));
  EXPECT_FALSE(Has(tokens, "ref"));
  EXPECT_TRUE(Has(tokens, "daftar"));  // the word before the link
  EXPECT_TRUE(Has(Tokenize("tanpa tautan sama sekali"), "links:0"));
}

TEST(TokenizerTest, LinkHostsIgnoreWwwInsideWords) {
  EXPECT_EQ(LinkHosts("awww.cute and www.site.example)"), std::vector<std::string>{"site.example"});
}

TEST(TokenizerTest, FoldsWidthAndCase) {
  const auto tokens = Tokenize("ＦＲＥＥ Bonus BONUS");
  EXPECT_TRUE(Has(tokens, "free"));
  EXPECT_TRUE(Has(tokens, "bonus"));
  EXPECT_EQ(std::count(tokens.begin(), tokens.end(), "bonus"), 1);  // distinct
}

TEST(TokenizerTest, SplitsJapaneseWithoutSpaces) {
  const auto tokens = Tokenize("今すぐ登録でポイントプレゼント");
  EXPECT_TRUE(Has(tokens, "登録"));
  EXPECT_TRUE(Has(tokens, "ポイント"));
  EXPECT_GE(tokens.size(), 4u);
}

TEST(TokenizerTest, NumbersAndShapes) {
  const auto tokens =
      Tokenize("HUBUNGI KAMI SEKARANG JUGA WA 0812-3456-7890 atau 081234567890 10rb");
  EXPECT_TRUE(Has(tokens, "num:long"));
  EXPECT_TRUE(Has(tokens, "shape:shouting"));
  EXPECT_TRUE(Has(tokens, "10rb"));
  EXPECT_FALSE(Has(Tokenize("Kyodo dan NHK melaporkan hal yang sama"), "shape:shouting"));
}

TEST(TokenizerTest, EmojiAreTokens) { EXPECT_TRUE(Has(Tokenize("cuan 💰💰"), "emoji:💰")); }

TEST(TokenizerTest, OutputIsBounded) {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "kata" + std::to_string(i * 7919 % 100000) + "x ";
  const auto tokens = Tokenize(text);
  EXPECT_EQ(tokens.size(), limits::kSpamMaxTokensPerText);
  const std::string long_word(500, 'a');
  const auto long_tokens = Tokenize(long_word);
  EXPECT_TRUE(Has(long_tokens, "word:long"));
  for (const auto& token : long_tokens) EXPECT_LE(token.size(), limits::kSpamMaxTokenBytes);
}

TEST(TokenizerTest, InvalidUtf8AndHugeInputDoNotCrash) {
  std::string bad = "abc \xff\xfe\xc3 def \xe3\x81";
  EXPECT_TRUE(Has(Tokenize(bad), "def"));
  std::string huge(limits::kSpamMaxInputBytes * 4, ' ');
  huge += "tail";
  EXPECT_FALSE(Has(Tokenize(huge), "tail"));  // past the bound: ignored
  // A cut inside a multi-byte character must not leave half of it.
  std::string multibyte(limits::kSpamMaxInputBytes - 1, ' ');
  multibyte += "漢字";
  EXPECT_NO_FATAL_FAILURE(Tokenize(multibyte));
}

}  // namespace
}  // namespace warta::spam
