#include "i18n/catalog.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

namespace warta::i18n {
namespace {

std::shared_ptr<const Catalog> Load() {
  auto catalog = Catalog::LoadEmbedded();
  EXPECT_TRUE(catalog.ok()) << (catalog.ok() ? "" : catalog.error().message);
  return catalog.ok() ? *catalog : nullptr;
}

// Keys the web code and templates use: each must exist in every catalog.
const std::vector<std::string> kRequiredKeys = {"counter_views",
                                                "counter_likes",
                                                "counter_comments",
                                                "counter_shares",
                                                "like_prompt_count",
                                                "page_number",
                                                "like_prompt_first",
                                                "like_button",
                                                "unlike_button",
                                                "comments_heading",
                                                "comment_form_label",
                                                "comment_submit",
                                                "comment_login_hint",
                                                "comments_empty",
                                                "share_heading",
                                                "share_copy_link",
                                                "home_title",
                                                "nav_home",
                                                "nav_search",
                                                "search_placeholder",
                                                "search_submit",
                                                "pagination_prev",
                                                "pagination_next",
                                                "source_label",
                                                "published_label",
                                                "original_link",
                                                "skip_to_content",
                                                "error_not_found_title",
                                                "error_not_found_message",
                                                "error_server_title",
                                                "error_server_message",
                                                "error_bad_request_title",
                                                "error_bad_request_message",
                                                "error_back_home",
                                                "footer_text",
                                                "tags_label",
                                                "views_label",
                                                "likes_label",
                                                "comments_label",
                                                "shares_label",
                                                "language_label",
                                                "language_self_name"};

TEST(CatalogTest, EveryLocaleHasTheSameKeys) {
  auto catalog = Load();
  const auto reference = catalog->Keys("id");
  ASSERT_GT(reference.size(), kRequiredKeys.size() - 1);
  for (const auto& locale : SupportedLocales()) {
    EXPECT_EQ(catalog->Keys(locale), reference) << locale;
  }
}

// A key copied from id.toml and never translated would pass the parity test; every message
// of en and ja must differ from the Indonesian one (names of things are the same in every
// language, so the catalogs avoid them). The exceptions are loanwords that English shares
// with Indonesian.
TEST(CatalogTest, EveryLocaleIsTranslated) {
  const std::set<std::string> loanwords_in_english = {
      "moderation_log_who",   "moderation_spam",     "search_filter_tag",
      "tag_heading_prefix",   "admin_filter_status", "admin_nav_media",
      "admin_role_moderator", "admin_section_slug",  "admin_setting_logo"};
  auto catalog = Load();
  for (const auto& locale : SupportedLocales()) {
    if (locale == "id") continue;
    for (const auto& key : catalog->Keys("id")) {
      if (locale == "en" && loanwords_in_english.count(key) > 0) continue;
      EXPECT_NE(catalog->Get(locale, key), catalog->Get("id", key)) << locale << " " << key;
    }
  }
}

TEST(CatalogTest, LanguagesNameThemselves) {
  auto catalog = Load();
  EXPECT_EQ(catalog->Get("id", "language_self_name"), "Bahasa Indonesia");
  EXPECT_EQ(catalog->Get("en", "language_self_name"), "English");
  EXPECT_EQ(catalog->Get("ja", "language_self_name"), "日本語");
}

TEST(CatalogTest, RequiredKeysExistEverywhere) {
  auto catalog = Load();
  for (const auto& locale : SupportedLocales()) {
    const auto keys = catalog->Keys(locale);
    for (const auto& key : kRequiredKeys) {
      EXPECT_TRUE(std::binary_search(keys.begin(), keys.end(), key)) << locale << " " << key;
      EXPECT_NE(catalog->Get(locale, key), key) << locale << " " << key;
    }
  }
}

TEST(CatalogTest, SeedPageStrings) {
  auto catalog = Load();
  EXPECT_EQ(catalog->Get("id", "comments_heading"), "Komentar");
  EXPECT_EQ(catalog->Get("id", "like_prompt_first"), "Jadilah yang pertama menyukai ini");
  EXPECT_EQ(catalog->Get("en", "like_prompt_first"), "Be the first to like this");
  EXPECT_EQ(catalog->Get("ja", "comments_heading"), "コメント");
  EXPECT_EQ(catalog->Get("id", "home_title"), "Berita terbaru");
}

TEST(CatalogTest, PluralPicksTheLocaleCategory) {
  auto catalog = Load();
  EXPECT_EQ(catalog->Plural("en", "counter_views", 1, "1"), "1 view");
  EXPECT_EQ(catalog->Plural("en", "counter_views", 0, "0"), "0 views");
  EXPECT_EQ(catalog->Plural("en", "counter_views", 2, "2"), "2 views");
  EXPECT_EQ(catalog->Plural("en", "counter_views", 1000, "1,000"), "1,000 views");
  EXPECT_EQ(catalog->Plural("en", "like_prompt_count", 1, "1"), "1 person likes this");
  EXPECT_EQ(catalog->Plural("en", "like_prompt_count", 3, "3"), "3 people like this");
  EXPECT_EQ(catalog->Plural("id", "counter_views", 1, "1"), "1 kali dilihat");
  EXPECT_EQ(catalog->Plural("id", "counter_views", 27, "27"), "27 kali dilihat");
  EXPECT_EQ(catalog->Plural("id", "page_number", 2, "2"), "Halaman 2");
  EXPECT_EQ(catalog->Plural("ja", "counter_comments", 1, "1"), "コメント1件");
  EXPECT_EQ(catalog->Plural("ja", "counter_comments", 1234, "1,234"), "コメント1,234件");
}

TEST(CatalogTest, FallsBackToIndonesianThenTheKey) {
  auto catalog = Load();
  EXPECT_EQ(catalog->Get("zz", "comments_heading"), "Komentar");
  EXPECT_EQ(catalog->Get("", "nav_home"), "Beranda");
  EXPECT_EQ(catalog->Get("en", "no_such_key"), "no_such_key");
  EXPECT_EQ(catalog->Plural("zz", "counter_likes", 5, "5"), "5 suka");
  EXPECT_EQ(catalog->Plural("en", "no_such_plural", 5, "5"), "no_such_plural");
  EXPECT_TRUE(catalog->Keys("zz").empty());
}

TEST(CatalogTest, PluralKeysAsStringsGiveTheOtherForm) {
  auto catalog = Load();
  EXPECT_TRUE(catalog->IsPlural("counter_views"));
  EXPECT_FALSE(catalog->IsPlural("comments_heading"));
  EXPECT_FALSE(catalog->IsPlural("no_such_key"));
  EXPECT_EQ(catalog->Get("en", "counter_views"), "{n} views");
}

TEST(LocaleTest, Normalize) {
  EXPECT_EQ(NormalizeLocale("id"), "id");
  EXPECT_EQ(NormalizeLocale("en-US"), "en");
  EXPECT_EQ(NormalizeLocale("EN_gb.UTF-8"), "en");
  EXPECT_EQ(NormalizeLocale("ja-JP"), "ja");
  EXPECT_EQ(NormalizeLocale(" ja;q=0.8"), "ja");
  EXPECT_EQ(NormalizeLocale("in"), "id");
  EXPECT_EQ(NormalizeLocale("zz"), "");
  EXPECT_EQ(NormalizeLocale(""), "");
  EXPECT_EQ(NormalizeLocale("*"), "");
  EXPECT_EQ(NormalizeLocale("english"), "");
  EXPECT_EQ(SupportedLocales(), (std::vector<std::string>{"id", "en", "ja"}));
}

}  // namespace
}  // namespace warta::i18n
