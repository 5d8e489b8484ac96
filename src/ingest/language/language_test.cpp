#include "ingest/language/language.h"

#include <gtest/gtest.h>

namespace warta::ingest::language {
namespace {

TEST(LanguageTest, DetectsEnglishIndonesianAndJapanese) {
  EXPECT_EQ(Detect("The regional transport office announced on Tuesday that the coastal "
                   "railway line will reopen next month after eight weeks of repairs."),
            "en");
  EXPECT_EQ(Detect("Kantor transportasi daerah mengumumkan pada hari Selasa bahwa jalur kereta "
                   "api pesisir akan dibuka kembali bulan depan setelah delapan minggu "
                   "perbaikan."),
            "id");
  EXPECT_EQ(Detect("気象庁は火曜日、北日本の沿岸部で明日の朝にかけて強い風と高い波が予想されると"
                   "して、漁業関係者や海岸付近の住民に注意を呼びかけた。"),
            "ja");
}

TEST(LanguageTest, UnsureOrInvalidGivesNothing) {
  EXPECT_EQ(Detect(""), std::nullopt);
  EXPECT_EQ(Detect("12345 67890"), std::nullopt);
  EXPECT_EQ(Detect("The railway line will reopen next month \xff\xfe after repairs."),
            std::nullopt);
}

TEST(LanguageTest, LongTextIsCutOnACharacterBoundary) {
  std::string text;
  while (text.size() < kMaxDetectBytes + 100) {
    text += "気象庁は北日本の沿岸部で強い風と高い波が予想されるとして注意を呼びかけた。";
  }
  EXPECT_EQ(Detect(text), "ja");
}

}  // namespace
}  // namespace warta::ingest::language
