#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "i18n/formatter.h"
#include "i18n/japanese_reading.h"

namespace warta::i18n {
namespace {

bool IsSlug(const std::string& slug) {
  if (slug.empty()) return true;
  if (slug.front() == '-' || slug.back() == '-' || slug.find("--") != std::string::npos) {
    return false;
  }
  for (char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  }
  return true;
}

TEST(SlugTest, English) {
  EXPECT_EQ(Slugify("Japan, EU agree on security, defense partnership with China in mind"),
            "japan-eu-agree-on-security-defense-partnership-with-china-in-mind");
  EXPECT_EQ(Slugify("China's navy: 7,000 km -- \"records\""), "chinas-navy-7-000-km-records");
  EXPECT_EQ(Slugify("China\xE2\x80\x99s navy"), "chinas-navy");
}

TEST(SlugTest, IndonesianAndAccents) {
  EXPECT_EQ(Slugify("Jepang & Uni Eropa Sepakati Kemitraan Keamanan"),
            "jepang-uni-eropa-sepakati-kemitraan-keamanan");
  EXPECT_EQ(Slugify("Ça c'est l'été à Zürich"), "ca-cest-lete-a-zurich");
}

TEST(SlugTest, JapaneseIsRomanized) {
  EXPECT_EQ(Slugify("とうきょう"), "tou-kyo");  // kana alone are ambiguous: MeCab guesses words
  const std::string slug = Slugify("日本とEU、安全保障・防衛パートナーシップで合意");
  EXPECT_FALSE(slug.empty());
  EXPECT_TRUE(IsSlug(slug)) << slug;
  EXPECT_NE(slug.find("eu"), std::string::npos) << slug;
}

// Kanji are read as Japanese by MeCab (the IPA dictionary is a Depends of the package); ICU
// alone read 新幹線 as Mandarin "xin gan xian".
TEST(SlugTest, JapaneseKanjiAreReadAsJapanese) {
  ASSERT_TRUE(JapaneseReader().available) << JapaneseReader().detail;
  EXPECT_EQ(Slugify("新幹線で荷物を運ぶ"), "shinkansen-de-nimotsu-wo-hakobu");
  // Long o folded as Hepburn does (トウキョウ pronounced トーキョー), "ei" kept, は read wa.
  EXPECT_EQ(Slugify("東京の先生は京都へ"), "tokyo-no-sensei-wa-kyoto-e");
  // Endings stay on their word: 合意しました is two words, not four.
  EXPECT_EQ(Slugify("合意しました"), "goi-shimashita");
  EXPECT_EQ(SlugifyWithoutJapaneseReader("新幹線"), "xin-gan-xian");
}

TEST(SlugTest, KanaAlone) {
  EXPECT_EQ(Slugify("すしとラーメン"), "sushi-to-ramen");
  EXPECT_EQ(Slugify("パートナーシップ"), "patonashippu");
}

TEST(SlugTest, JapaneseMixedWithLatinAndNumbers) {
  EXPECT_EQ(Slugify("日本とEU、安全保障・防衛パートナーシップで合意"),
            "nippon-to-eu-anzen-hosho-boei-patonashippu-de-goi");
  EXPECT_EQ(Slugify("2024年の訪日客3000万人"), "2024nen-no-honichi-kyaku-3000-mannin");
  EXPECT_EQ(Slugify("Nintendo Switch 2が発売"), "nintendo-switch-2-ga-hatsubai");
}

TEST(SlugTest, LongJapaneseTitleCutOnAWordBoundary) {
  std::string title;
  for (int i = 0; i < 12; ++i) title += "新幹線で荷物を運ぶ、";
  const std::string slug = Slugify(title);
  EXPECT_LE(slug.size(), 80u);
  EXPECT_GE(slug.size(), 40u);
  EXPECT_TRUE(IsSlug(slug)) << slug;
  std::string full;
  for (int i = 0; i < 12; ++i)
    full += std::string(i ? "-" : "") + "shinkansen-de-nimotsu-wo-hakobu";
  EXPECT_EQ(full.compare(0, slug.size() + 1, slug + "-"), 0) << slug;
}

TEST(SlugTest, JapaneseFromManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&wrong, t] {
      for (int i = 0; i < 50; ++i) {
        if (Slugify("新幹線で荷物を運ぶ") != "shinkansen-de-nimotsu-wo-hakobu") {
          ++wrong[static_cast<std::size_t>(t)];
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

TEST(SlugTest, NothingUsableGivesEmpty) {
  EXPECT_EQ(Slugify(""), "");
  EXPECT_EQ(Slugify("!!! ??? --- ..."), "");
  EXPECT_EQ(Slugify("「」。、！"), "");
  EXPECT_EQ(Slugify("\xFF\xFE"), "");  // invalid UTF-8
}

TEST(SlugTest, CappedAtEightyBytesOnAWordBoundary) {
  std::string title;
  for (int i = 0; i < 40; ++i) title += "kata" + std::to_string(i) + " ";
  const std::string slug = Slugify(title);
  EXPECT_LE(slug.size(), 80u);
  EXPECT_GE(slug.size(), 60u);
  EXPECT_TRUE(IsSlug(slug)) << slug;
  EXPECT_EQ(title.substr(0, 10), "kata0 kata");
  // Ends on a whole word: the slug is a prefix of the full slug followed by '-'.
  std::string full;
  for (int i = 0; i < 40; ++i) full += (i ? "-kata" : "kata") + std::to_string(i);
  EXPECT_EQ(full.compare(0, slug.size() + 1, slug + "-"), 0) << slug;

  const std::string one_word(300, 'a');
  EXPECT_EQ(Slugify(one_word), std::string(80, 'a'));
}

TEST(SlugTest, SafeFromManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&wrong, t] {
      for (int i = 0; i < 50; ++i) {
        if (Slugify("Ça c'est l'été") != "ca-cest-lete") ++wrong[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int w : wrong) EXPECT_EQ(w, 0);
}

}  // namespace
}  // namespace warta::i18n
