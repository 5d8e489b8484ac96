#include "i18n/formatter.h"

#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>

#include <limits>
#include <string>
#include <thread>
#include <vector>

#include "i18n/icu_util.h"
#include "i18n/number_format.h"

namespace warta::i18n {
namespace {

// 2024-11-01T12:00:00+09:00, the seed article's publication time.
constexpr std::int64_t kSeedTime = 1730430000;
// 2024-10-31T20:00:00Z: already 1 November in Jakarta (UTC+7), still 31 October in UTC.
constexpr std::int64_t kNearMidnight = 1730404800;

std::shared_ptr<const Formatter> Make(std::string_view locale, std::string_view zone,
                                      const DateOverrides& overrides = {}) {
  auto f = Formatter::Create(locale, zone, overrides);
  EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().message);
  return f.ok() ? *f : nullptr;
}

TEST(FormatterTest, LongDatePerLocale) {
  EXPECT_EQ(Make("id", "Asia/Jakarta")->LongDate(kSeedTime), "1 November 2024");
  EXPECT_EQ(Make("en", "Asia/Jakarta")->LongDate(kSeedTime), "November 1, 2024");
  EXPECT_EQ(Make("ja", "Asia/Jakarta")->LongDate(kSeedTime), "2024年11月1日");
  EXPECT_EQ(Make("id", "UTC")->LongDate(kSeedTime), "1 November 2024");
  EXPECT_EQ(Make("en", "UTC")->LongDate(kSeedTime), "November 1, 2024");
  EXPECT_EQ(Make("ja", "UTC")->LongDate(kSeedTime), "2024年11月1日");
}

TEST(FormatterTest, ZoneDecidesTheDayNearMidnight) {
  EXPECT_EQ(Make("id", "Asia/Jakarta")->LongDate(kNearMidnight), "1 November 2024");
  EXPECT_EQ(Make("id", "UTC")->LongDate(kNearMidnight), "31 Oktober 2024");
  EXPECT_EQ(Make("ja", "Asia/Tokyo")->LongDate(kNearMidnight), "2024年11月1日");
  EXPECT_EQ(Make("en", "America/New_York")->LongDate(kNearMidnight), "October 31, 2024");
}

// The dashboard's day is the local date as a day count: 2024-11-01 is day 20028.
TEST(FormatterTest, DayNumberFollowsTheZone) {
  constexpr std::int64_t kNovember1 = 20028;
  EXPECT_EQ(Make("id", "Asia/Jakarta")->DayNumber(kNearMidnight), kNovember1);
  EXPECT_EQ(Make("id", "UTC")->DayNumber(kNearMidnight), kNovember1 - 1);
  EXPECT_EQ(Make("en", "America/New_York")->DayNumber(kNearMidnight), kNovember1 - 1);
  EXPECT_EQ(Make("id", "UTC")->DayNumber(kNovember1 * 86400), kNovember1);
  EXPECT_EQ(Make("id", "UTC")->DayNumber(kNovember1 * 86400 - 1), kNovember1 - 1);
  EXPECT_EQ(Make("id", "UTC")->DayNumber(-1), -1);
}

TEST(FormatterTest, DateTimeShowsLocalTime) {
  const std::string id = Make("id", "Asia/Jakarta")->DateTime(kSeedTime);
  EXPECT_NE(id.find("1 November 2024"), std::string::npos) << id;
  EXPECT_NE(id.find("10.00"), std::string::npos) << id;
  const std::string ja = Make("ja", "Asia/Tokyo")->DateTime(kSeedTime);
  EXPECT_NE(ja.find("12:00"), std::string::npos) << ja;
}

TEST(FormatterTest, OverridesGiveTheSiteSpelling) {
  DateOverrides overrides;
  overrides.date_pattern = "MMMM d, y";
  overrides.month_names = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                           "Juli",    "Agustus",  "September", "Oktober", "Nopember", "Desember"};
  auto f = Make("id", "Asia/Jakarta", overrides);
  EXPECT_EQ(f->LongDate(kSeedTime), "Nopember 1, 2024");
  EXPECT_NE(f->DateTime(kSeedTime).find("Nopember 1, 2024"), std::string::npos);

  DateOverrides months_only;
  months_only.month_names = overrides.month_names;
  EXPECT_EQ(Make("id", "Asia/Jakarta", months_only)->LongDate(kSeedTime), "1 Nopember 2024");

  DateOverrides pattern_only;
  pattern_only.date_pattern = "d.M.yyyy";
  EXPECT_EQ(Make("en", "UTC", pattern_only)->LongDate(kSeedTime), "1.11.2024");
}

TEST(FormatterTest, RefusesBadOverrides) {
  DateOverrides eleven;
  eleven.month_names = {"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"};
  auto f = Formatter::Create("id", "Asia/Jakarta", eleven);
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, ErrorCode::kInvalidArgument);

  DateOverrides empty_name;
  empty_name.month_names = {"a", "b", "c", "d", "e", " ", "g", "h", "i", "j", "k", "l"};
  EXPECT_FALSE(Formatter::Create("id", "Asia/Jakarta", empty_name).ok());
}

TEST(FormatterTest, OverridesLeaveRelativeTimesAlone) {
  DateOverrides overrides;
  overrides.date_pattern = "MMMM d, y";
  auto f = Make("id", "Asia/Jakarta", overrides);
  EXPECT_EQ(f->ListDate(kSeedTime - 3 * 3600, kSeedTime), "3 jam yang lalu");
  EXPECT_EQ(f->ListDate(kSeedTime, kSeedTime + 2 * 86400), "November 1, 2024");
}

TEST(FormatterTest, RelativeTimePerLocale) {
  const std::int64_t now = kSeedTime;
  EXPECT_EQ(Make("id", "UTC")->RelativeTime(now - 3 * 3600, now), "3 jam yang lalu");
  EXPECT_EQ(Make("en", "UTC")->RelativeTime(now - 3 * 3600, now), "3 hours ago");
  EXPECT_EQ(Make("ja", "UTC")->RelativeTime(now - 3 * 3600, now), "3 時間前");
  EXPECT_EQ(Make("en", "UTC")->RelativeTime(now - 3600, now), "1 hour ago");
  EXPECT_EQ(Make("en", "UTC")->RelativeTime(now - 5 * 60 - 59, now), "5 minutes ago");
  EXPECT_EQ(Make("id", "UTC")->RelativeTime(now - 5 * 60, now), "5 menit yang lalu");
  EXPECT_EQ(Make("en", "UTC")->RelativeTime(now - 2 * 86400, now), "2 days ago");
  // Just now, and a publication time slightly in the future (clocks disagree).
  EXPECT_EQ(Make("en", "UTC")->RelativeTime(now - 10, now), "now");
  EXPECT_EQ(Make("en", "UTC")->RelativeTime(now + 120, now), "now");
}

TEST(FormatterTest, ListDateIsRelativeOnlyForTheLastDay) {
  auto f = Make("id", "Asia/Jakarta");
  EXPECT_EQ(f->ListDate(kSeedTime - 23 * 3600, kSeedTime), "23 jam yang lalu");
  EXPECT_EQ(f->ListDate(kSeedTime - 86400, kSeedTime), "31 Oktober 2024");
  EXPECT_EQ(f->ListDate(kSeedTime, kSeedTime + 400 * 86400), "1 November 2024");
  EXPECT_EQ(f->ListDate(kSeedTime + 3 * 86400, kSeedTime), "4 November 2024");
}

TEST(FormatterTest, RefusesUnknownZoneAndLocale) {
  for (const char* zone : {"Mars/Olympus", "", "Asia/Jakartaa", "Etc/Unknown"}) {
    auto f = Formatter::Create("id", zone);
    ASSERT_FALSE(f.ok()) << zone;
    EXPECT_EQ(f.error().code, ErrorCode::kInvalidArgument) << zone;
  }
  auto f = Formatter::Create("zz", "UTC");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, ErrorCode::kInvalidArgument);
}

TEST(FormatterTest, KeepsNormalizedLocaleAndZone) {
  auto f = Make("en-US", "Asia/Tokyo");
  EXPECT_EQ(f->locale(), "en");
  EXPECT_EQ(f->time_zone(), "Asia/Tokyo");
}

TEST(FormatterTest, NumberGroupsPerLocale) {
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  auto id = Make("id", "UTC");
  EXPECT_EQ(id->Number(0), "0");
  EXPECT_EQ(id->Number(999), "999");
  EXPECT_EQ(id->Number(1000), "1.000");
  EXPECT_EQ(id->Number(1234567), "1.234.567");
  EXPECT_EQ(id->Number(-1234567), "-1.234.567");
  EXPECT_EQ(id->Number(-5), "-5");
  EXPECT_EQ(id->Number(kMax), "9.223.372.036.854.775.807");
  EXPECT_EQ(id->Number(kMin), "-9.223.372.036.854.775.808");
  auto en = Make("en", "UTC");
  EXPECT_EQ(en->Number(0), "0");
  EXPECT_EQ(en->Number(999), "999");
  EXPECT_EQ(en->Number(1000), "1,000");
  EXPECT_EQ(en->Number(1234567), "1,234,567");
  EXPECT_EQ(en->Number(-1000), "-1,000");
  EXPECT_EQ(en->Number(kMax), "9,223,372,036,854,775,807");
  auto ja = Make("ja", "UTC");
  EXPECT_EQ(ja->Number(1234567), "1,234,567");
  EXPECT_EQ(ja->Number(-999), "-999");
  EXPECT_EQ(ja->Number(kMax), "9,223,372,036,854,775,807");
}

// The hand-written fast path must agree with ICU itself over many magnitudes.
TEST(FormatterTest, NumberAgreesWithIcu) {
  for (const char* locale : {"id", "en", "ja"}) {
    auto f = Make(locale, "UTC");
    const auto icu = icu::number::NumberFormatter::withLocale(icu::Locale(locale));
    std::vector<std::int64_t> values = {std::numeric_limits<std::int64_t>::max(),
                                        std::numeric_limits<std::int64_t>::min()};
    std::int64_t n = 1;
    for (int i = 0; i < 18; ++i, n = n * 10 + (i % 10)) values.insert(values.end(), {n, -n, n - 1});
    for (std::int64_t value : values) {
      UErrorCode status = U_ZERO_ERROR;
      const std::string expected = internal::ToUtf8(icu.formatInt(value, status).toString(status));
      ASSERT_TRUE(U_SUCCESS(status));
      EXPECT_EQ(f->Number(value), expected) << locale << " " << value;
    }
  }
}

// Our locales take the fast path; others show it generalizes (or falls back to ICU).
TEST(FormatterTest, NumberFastPathCoversGroupingVariants) {
  for (const char* locale : {"id", "en", "ja", "es", "en_IN", "ar_EG"}) {
    auto format = internal::GroupedNumberFormat::Create(icu::Locale(locale));
    ASSERT_TRUE(format.ok());
    const bool expect_icu = std::string(locale) == "ar_EG";  // Arabic-Indic digits
    EXPECT_EQ(format->uses_icu(), expect_icu) << locale;
  }
  EXPECT_EQ(internal::GroupedNumberFormat::Create(icu::Locale("es"))->Format(1000), "1000");
  EXPECT_EQ(internal::GroupedNumberFormat::Create(icu::Locale("en_IN"))->Format(12345678),
            "1,23,45,678");
}

TEST(FormatterTest, Iso8601Utc) {
  EXPECT_EQ(Formatter::Iso8601Utc(kSeedTime), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Formatter::Iso8601Utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Formatter::Iso8601Utc(-1), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Formatter::Iso8601Utc(951782400), "2000-02-29T00:00:00Z");
  EXPECT_EQ(Formatter::Iso8601Utc(std::numeric_limits<std::int64_t>::max()),
            "9999-12-31T23:59:59Z");
}

TEST(FormatterTest, SafeFromManyThreads) {
  auto f = Make("id", "Asia/Jakarta");
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        if (f->LongDate(kSeedTime + (t % 2) * 86400) !=
            (t % 2 ? "2 November 2024" : "1 November 2024")) {
          ++failures[static_cast<std::size_t>(t)];
        }
        if (f->Number(1234567) != "1.234.567") ++failures[static_cast<std::size_t>(t)];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int failure : failures) EXPECT_EQ(failure, 0);
}

}  // namespace
}  // namespace warta::i18n
