#include "i18n/accept_language.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/limits.h"

namespace warta::i18n {
namespace {

const std::vector<std::string> kAll = {"id", "en", "ja"};

std::string Pick(std::string_view header, const std::vector<std::string>& offered = kAll) {
  return NegotiateLanguage(header, offered);
}

TEST(AcceptLanguageTest, MatchesOnThePrimarySubtag) {
  EXPECT_EQ(Pick("en"), "en");
  EXPECT_EQ(Pick("ja"), "ja");
  EXPECT_EQ(Pick("en-US"), "en");
  EXPECT_EQ(Pick("ja-JP"), "ja");
  EXPECT_EQ(Pick("EN-gb"), "en");
  EXPECT_EQ(Pick("id-ID"), "id");
  EXPECT_EQ(Pick("in-ID"), "id");  // the old code for Indonesian
  EXPECT_EQ(Pick("zh-Hant-TW"), "");
  EXPECT_EQ(Pick("xx"), "");
  EXPECT_EQ(Pick(""), "");
}

TEST(AcceptLanguageTest, HighestQualityWinsAndTiesGoToTheFirst) {
  EXPECT_EQ(Pick("fr-CA, fr;q=0.9, ja;q=0.8, en;q=0.7"), "ja");
  EXPECT_EQ(Pick("en;q=0.5, ja;q=0.9"), "ja");
  EXPECT_EQ(Pick("ja;q=0.5, en;q=0.5"), "ja");
  EXPECT_EQ(Pick("en-US,en;q=0.9,id;q=0.8"), "en");
  EXPECT_EQ(Pick("id;q=0.001, en;q=0"), "id");
  EXPECT_EQ(Pick("en;q=1.000"), "en");
  EXPECT_EQ(Pick("en; q=0.8 ; level=1"), "en");  // whitespace and other parameters
  EXPECT_EQ(Pick("en;Q=0.8"), "en");
}

TEST(AcceptLanguageTest, QZeroRefuses) {
  EXPECT_EQ(Pick("en;q=0"), "");
  EXPECT_EQ(Pick("en;q=0.000, ja"), "ja");
  EXPECT_EQ(Pick("id;q=0, *"), "en");  // "*" takes the first offered one not refused
  EXPECT_EQ(Pick("*;q=0"), "");
}

TEST(AcceptLanguageTest, WildcardMeansTheDefault) {
  EXPECT_EQ(Pick("*"), "id");
  EXPECT_EQ(Pick("fr, *;q=0.5"), "id");
  EXPECT_EQ(Pick("ja;q=0.4, *;q=0.5"), "id");
  EXPECT_EQ(Pick("ja;q=0.6, *;q=0.5"), "ja");
  EXPECT_EQ(Pick("*", {"en", "ja"}), "en");
}

TEST(AcceptLanguageTest, OnlyOfferedLocales) {
  EXPECT_EQ(Pick("ja, en;q=0.5", {"id", "en"}), "en");
  EXPECT_EQ(Pick("ja", {"id", "en"}), "");
}

TEST(AcceptLanguageTest, RepeatedHeadersGiveTheSameAnswerForTheSameOffer) {
  EXPECT_EQ(Pick("ja, en;q=0.5"), "ja");
  EXPECT_EQ(Pick("ja, en;q=0.5"), "ja");
  EXPECT_EQ(Pick("ja, en;q=0.5", {"id", "en"}), "en");
  EXPECT_EQ(Pick("ja, en;q=0.5", {"id"}), "");
  EXPECT_EQ(Pick("ja, en;q=0.5"), "ja");
}

TEST(AcceptLanguageTest, MalformedRangesAreSkipped) {
  EXPECT_EQ(Pick("en;q=2, ja;q=0.5"), "ja");           // q above 1
  EXPECT_EQ(Pick("en;q=1.5, ja;q=0.5"), "ja");         // 1 with a fraction
  EXPECT_EQ(Pick("en;q=0.12345, ja;q=0.1"), "ja");     // too many digits
  EXPECT_EQ(Pick("en;q=abc, ja;q=0.1"), "ja");         // not a number
  EXPECT_EQ(Pick("en;q=-1, ja;q=0.1"), "ja");          // negative
  EXPECT_EQ(Pick("en;q=, ja;q=0.1"), "ja");            // empty
  EXPECT_EQ(Pick("e n, ja;q=0.1"), "ja");              // space inside the range
  EXPECT_EQ(Pick("toolonglanguage, ja;q=0.1"), "ja");  // more than 8 letters
  EXPECT_EQ(Pick("en--US, ja;q=0.1"), "ja");           // empty subtag
  EXPECT_EQ(Pick("en-, ja;q=0.1"), "ja");
  EXPECT_EQ(Pick("-en, ja;q=0.1"), "ja");
  EXPECT_EQ(Pick("12, ja;q=0.1"), "ja");
  EXPECT_EQ(Pick("en_US, ja;q=0.1"), "ja");  // POSIX spelling is not a range
  EXPECT_EQ(Pick(",,, ;;; ,ja"), "ja");
  EXPECT_EQ(Pick(";q=1"), "");
  EXPECT_EQ(Pick(std::string("en\0", 3)), "");
  EXPECT_EQ(Pick("\xff\xfe, en"), "en");
}

TEST(AcceptLanguageTest, HugeHeadersAreIgnored) {
  std::string huge = "ja, ";
  while (huge.size() <= limits::kMaxAcceptLanguageBytes) huge += "fr;q=0.5, ";
  EXPECT_EQ(Pick(huge), "");
  EXPECT_EQ(Pick(std::string(100000, 'a')), "");
}

TEST(AcceptLanguageTest, OnlyTheFirstRangesAreRead) {
  std::string header;
  for (std::size_t i = 0; i < limits::kMaxAcceptLanguageRanges; ++i) header += "fr,";
  EXPECT_EQ(Pick(header + "ja"), "");
  EXPECT_EQ(Pick("ja," + header), "ja");
}

}  // namespace
}  // namespace warta::i18n
