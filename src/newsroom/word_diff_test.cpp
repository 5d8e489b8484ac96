#include "newsroom/word_diff.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::newsroom {
namespace {

TEST(WordDiff, MarksChangedWords) {
  WordDiff diff = DiffWords("Gempa kuat di Tokyo pagi ini", "Gempa besar di Osaka pagi ini");
  EXPECT_EQ(diff.html,
            "Gempa <del>kuat</del><ins>besar</ins> di <del>Tokyo</del><ins>Osaka</ins> pagi ini");
  EXPECT_EQ(diff.removed, 2u);
  EXPECT_EQ(diff.added, 2u);
  EXPECT_FALSE(diff.whole);
}

TEST(WordDiff, InsertionsDeletionsAndNoChange) {
  EXPECT_EQ(DiffWords("a b", "a b").html, "a b");
  EXPECT_EQ(DiffWords("", "").html, "");
  EXPECT_EQ(DiffWords("", "baru").html, "<ins>baru</ins>");
  EXPECT_EQ(DiffWords("satu dua tiga", "satu tiga").html, "satu <del>dua </del>tiga");
  EXPECT_EQ(DiffWords("satu tiga", "satu dua tiga").html, "satu <ins>dua </ins>tiga");
  // Neighbouring changes read as one phrase replaced.
  EXPECT_EQ(DiffWords("Teks asli dari impor.", "Teks yang diperbaiki.").html,
            "Teks <del>asli dari impor</del><ins>yang diperbaiki</ins>.");
}

TEST(WordDiff, EscapesHtml) {
  EXPECT_EQ(DiffWords("<b>x</b>", "<i>x</i>").html,
            "&lt;<del>b</del><ins>i</ins>&gt;x&lt;/<del>b</del><ins>i</ins>&gt;");
}

TEST(WordDiff, JapaneseAndOtherScriptsAreWords) {
  WordDiff diff = DiffWords("東京 で 地震", "大阪 で 地震");
  EXPECT_EQ(diff.html, "<del>東京</del><ins>大阪</ins> で 地震");
}

TEST(WordDiff, TooManyChangesAreShownReplacedWhole) {
  std::string before;
  std::string after;
  for (int i = 0; i < 3000; ++i) {
    before += "a" + std::to_string(i) + " ";
    after += "b" + std::to_string(i) + " ";
  }
  WordDiff diff = DiffWords(before, after);
  EXPECT_TRUE(diff.whole);
  EXPECT_EQ(diff.html.find("<del>"), 0u);
  EXPECT_EQ(diff.html.find("<del>", 1), std::string::npos);  // one run each
  EXPECT_NE(diff.html.find("</del><ins>"), std::string::npos);
}

TEST(WordDiff, LongTextsWithFewChangesStayExact) {
  std::string before;
  for (int i = 0; i < 40'000; ++i) before += "kata" + std::to_string(i % 97) + " ";
  std::string after = before;
  after.replace(after.find("kata50 "), 7, "ganti ");
  WordDiff diff = DiffWords(before, after);
  EXPECT_FALSE(diff.whole);
  EXPECT_EQ(diff.removed, 1u);
  EXPECT_EQ(diff.added, 1u);
  EXPECT_NE(diff.html.find("<del>kata50</del><ins>ganti</ins>"), std::string::npos);
}

}  // namespace
}  // namespace warta::newsroom
