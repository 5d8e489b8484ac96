// Site settings in the database (web/site.h): the configuration seeds missing keys, the
// database wins afterwards, bad stored values fall back with a warning, and CheckSiteSetting
// bounds every value. SharedSite swaps and pins (web/shared_site.h).
#include <gtest/gtest.h>

#include "config/config.h"
#include "storage/settings_store.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "web/shared_site.h"
#include "web/site.h"

namespace warta::web {
namespace {

class SiteSettingsTest : public storage::test_util::MigratedSqliteStore {
 protected:
  config::Config Configured(const config::Overrides& flags = {}) {
    auto config = config::Load("", nullptr, flags);
    EXPECT_TRUE(config.ok());
    return *config;
  }
  std::optional<std::string> Stored(const char* key) {
    auto value = store_->settings().Get(key);
    EXPECT_TRUE(value.ok());
    return *value;
  }
};

TEST_F(SiteSettingsTest, TheConfigurationSeedsMissingKeysThenTheDatabaseWins) {
  auto first =
      ResolveSiteSettings(Configured({{"site.name", "Dari Konfigurasi"}}), store_->settings());
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->name, "Dari Konfigurasi");
  EXPECT_EQ(Stored(kSettingSiteName), "Dari Konfigurasi");
  EXPECT_EQ(Stored(kSettingSiteFooterLinks), "[]");
  ASSERT_TRUE(store_->settings().Set(kSettingSiteName, "Dari Admin").ok());
  ASSERT_TRUE(store_->settings()
                  .Set(kSettingSiteFooterLinks, R"([{"label":"Kontak","url":"/halaman/kontak"}])")
                  .ok());
  auto second =
      ResolveSiteSettings(Configured({{"site.name", "Dari Konfigurasi"}}), store_->settings());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->name, "Dari Admin");
  ASSERT_EQ(second->footer_links.size(), 1U);
  EXPECT_EQ(second->footer_links[0], (FooterLink{"Kontak", "/halaman/kontak"}));
  EXPECT_EQ(second->locales.front(), second->locale);
}

TEST_F(SiteSettingsTest, ABadStoredValueIsNotUsed) {
  ASSERT_TRUE(store_->settings().Set(kSettingSiteTimeZone, "Mars/Olympus").ok());
  ASSERT_TRUE(store_->settings().Set(kSettingSiteMonthNames, "[\"Jan\"]").ok());
  auto resolved = ResolveSiteSettings(Configured(), store_->settings());
  ASSERT_TRUE(resolved.ok()) << resolved.error().message;
  EXPECT_EQ(resolved->time_zone, Configured().site.time_zone);
  EXPECT_TRUE(resolved->date_overrides.month_names.empty());
}

TEST(CheckSiteSettingTest, BoundsEveryValue) {
  struct Case {
    const char* key;
    std::string value;
    bool ok;
  };
  const Case cases[] = {
      {kSettingSiteName, "Media Jepang", true},
      {kSettingSiteName, "", false},
      {kSettingSiteName, std::string(201, 'x'), false},
      {kSettingSiteName, "\xff\xfe", false},
      {kSettingSiteTagline, "", true},
      {kSettingSiteTagline, std::string(301, 'x'), false},
      {kSettingSiteLocale, "ja", true},
      {kSettingSiteLocale, "fr", false},
      {kSettingSiteLocales, "[\"id\",\"en\"]", true},
      {kSettingSiteLocales, "[\"id\",\"fr\"]", false},
      {kSettingSiteLocales, "id,en", false},
      {kSettingSiteTimeZone, "Asia/Tokyo", true},
      {kSettingSiteTimeZone, "Mars/Olympus", false},
      {kSettingSiteDatePattern, "MMMM d, y", true},
      {kSettingSiteDatePattern, std::string(101, 'd'), false},
      {kSettingSiteMonthNames, "[]", true},
      {kSettingSiteMonthNames,
       "[\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\",\"l\"]", true},
      {kSettingSiteMonthNames, "[\"a\"]", false},
      {kSettingSiteFooterLinks, R"([{"label":"A","url":"https://x.test/a"}])", true},
      {kSettingSiteFooterLinks, R"([{"label":"A","url":"//evil.test/"}])", false},
      {kSettingSiteFooterLinks, R"j([{"label":"A","url":"javascript:alert(1)"}])j", false},
      {kSettingSiteFooterLinks, R"([{"label":"","url":"/a"}])", false},
      {kSettingSiteFooterLinks, R"([{"label":"A","url":"/a","x":1}])", false},
      {"site.unknown", "x", false},
  };
  for (const Case& c : cases) {
    auto checked = CheckSiteSetting(c.key, c.value);
    EXPECT_EQ(checked.ok(), c.ok) << c.key << " = " << c.value.substr(0, 40);
    if (!checked.ok() && std::string_view(c.key) != "site.unknown") {
      EXPECT_EQ(checked.error().user_key.rfind("settings_error_", 0), 0U) << c.key;
    }
  }
}

TEST(SharedSiteTest, APinKeepsOneSiteForTheRequestWhileAStoreSwapsIt) {
  auto first = Site::Create(SiteSettings{"Satu", "id", "Asia/Jakarta", "http://x.test", {}});
  auto second = Site::Create(SiteSettings{"Dua", "id", "Asia/Jakarta", "http://x.test", {}});
  ASSERT_TRUE(first.ok() && second.ok());
  SharedSite shared(*first);
  SharedSite copy = shared;  // a cache's copy follows the swaps
  {
    SitePin pin(shared);
    shared.Store(*second);
    EXPECT_EQ(shared->settings().name, "Satu");  // pinned for this request
    EXPECT_EQ(shared.Load()->settings().name, "Dua");
  }
  EXPECT_EQ(shared->settings().name, "Dua");
  EXPECT_EQ(copy->settings().name, "Dua");
  EXPECT_EQ(shared.generation(), 1U);
}

}  // namespace
}  // namespace warta::web
