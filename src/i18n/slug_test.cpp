#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "i18n/formatter.h"

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
  EXPECT_EQ(Slugify("とうきょう"), "toukyou");
  const std::string slug = Slugify("日本とEU、安全保障・防衛パートナーシップで合意");
  EXPECT_FALSE(slug.empty());
  EXPECT_TRUE(IsSlug(slug)) << slug;
  EXPECT_NE(slug.find("eu"), std::string::npos) << slug;
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
