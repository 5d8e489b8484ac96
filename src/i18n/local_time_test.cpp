#include "i18n/local_time.h"

#include <gtest/gtest.h>

#include "core/day.h"
#include "core/rfc3339.h"

namespace warta::i18n {
namespace {

std::int64_t Utc(const char* rfc3339) { return ParseRfc3339(rfc3339).value(); }

TEST(LocalTime, ReadsWallTimeInTheSiteZone) {
  EXPECT_EQ(ParseLocalDateTime("2024-11-01T10:00", "Asia/Jakarta").value(),
            Utc("2024-11-01T03:00:00Z"));
  EXPECT_EQ(ParseLocalDateTime("2024-11-01T10:00:30", "Asia/Tokyo").value(),
            Utc("2024-11-01T01:00:30Z"));
  EXPECT_EQ(ParseLocalDateTime("2024-02-29T00:00", "UTC").value(), Utc("2024-02-29T00:00:00Z"));
}

TEST(LocalTime, FollowsDaylightSaving) {
  // New York: EDT (-4) in July, EST (-5) in January.
  EXPECT_EQ(ParseLocalDateTime("2025-07-01T12:00", "America/New_York").value(),
            Utc("2025-07-01T16:00:00Z"));
  EXPECT_EQ(ParseLocalDateTime("2025-01-01T12:00", "America/New_York").value(),
            Utc("2025-01-01T17:00:00Z"));
  // 02:30 on 9 March 2025 does not exist there: read as the instant after the gap.
  EXPECT_TRUE(ParseLocalDateTime("2025-03-09T02:30", "America/New_York").ok());
}

TEST(LocalTime, RefusesWhatIsNotADateTime) {
  for (const char* bad : {"", "2024-11-01", "2024-11-01T10", "2024-13-01T10:00", "2024-02-30T10:00",
                          "2023-02-29T10:00", "2024-11-01T24:00", "2024-11-01T10:60",
                          "0999-11-01T10:00", "2024-11-01T10:00:61", "2024-11-01X10:00",
                          "+024-11-01T10:00", "2024-11-01T10:00Z", "2024-1-01T10:00:00"}) {
    auto parsed = ParseLocalDateTime(bad, "Asia/Jakarta");
    EXPECT_FALSE(parsed.ok()) << bad;
    if (!parsed.ok()) {
      EXPECT_EQ(parsed.error().code, ErrorCode::kInvalidArgument) << bad;
    }
  }
  EXPECT_FALSE(ParseLocalDateTime("2024-11-01T10:00", "Mars/Olympus").ok());
  EXPECT_FALSE(ParseLocalDateTime("2024-11-01T10:00", "").ok());
}

TEST(LocalTime, FormatsForTheFieldAndRoundTrips) {
  const std::int64_t t = Utc("2024-10-31T20:00:05Z");
  EXPECT_EQ(FormatLocalDateTime(t, "Asia/Jakarta"), "2024-11-01T03:00:05");
  EXPECT_EQ(FormatLocalDateTime(t, "UTC"), "2024-10-31T20:00:05");
  EXPECT_EQ(FormatLocalDateTime(t, "Nowhere/Atall"), "");
  for (std::int64_t s :
       {std::int64_t{0}, t, Utc("2025-03-09T07:30:00Z"), Utc("2099-12-31T23:59:59Z")}) {
    for (const char* zone : {"Asia/Jakarta", "America/New_York", "Australia/Lord_Howe"}) {
      EXPECT_EQ(ParseLocalDateTime(FormatLocalDateTime(s, zone), zone).value(), s) << s << zone;
    }
  }
}

TEST(LocalTime, DayNumbersAsDates) {
  EXPECT_EQ(DayToIsoDate(0), "1970-01-01");
  EXPECT_EQ(DayToIsoDate(-1), "1969-12-31");
  EXPECT_EQ(DayToIsoDate(UtcDay(Utc("2024-02-29T12:00:00Z"))), "2024-02-29");
  EXPECT_EQ(DayToIsoDate(UtcDay(Utc("2000-03-01T00:00:00Z"))), "2000-03-01");
  const std::int64_t day = UtcDay(Utc("2024-12-06T00:00:00Z"));
  EXPECT_EQ(ShortDayLabel(day, "en"), "Dec 6");
  EXPECT_EQ(ShortDayLabel(day, "id"), "6 Des");
  EXPECT_EQ(ShortDayLabel(day, "ja"), "12月6日");
}

}  // namespace
}  // namespace warta::i18n
