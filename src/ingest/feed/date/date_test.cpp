#include "ingest/feed/date/date.h"

#include <gtest/gtest.h>

#include <string>

#include "core/rfc3339.h"

namespace warta::ingest::feed::date {
namespace {

// The instant as RFC 3339 UTC, or "none".
std::string Read(std::string_view text, const TimeZone& zone = TimeZone()) {
  auto when = ParseDate(text, zone);
  return when ? FormatRfc3339Utc(*when) : "none";
}

TEST(DateTest, Rfc822AndItsVariants) {
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 +0900"), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 GMT"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("Fri, 1 Nov 2024 12:00 GMT"), "2024-11-01T12:00:00Z");       // no seconds
  EXPECT_EQ(Read("01 Nov 2024 12:00:00 +0000"), "2024-11-01T12:00:00Z");      // no day name
  EXPECT_EQ(Read("Mon, 01 Nov 2024 12:00:00 GMT"), "2024-11-01T12:00:00Z");   // wrong day name
  EXPECT_EQ(Read("Friday, 01-Nov-24 12:00:00 GMT"), "2024-11-01T12:00:00Z");  // RFC 850
  EXPECT_EQ(Read("Fri, 01 Nov 24 12:00:00 GMT"), "2024-11-01T12:00:00Z");     // two-digit year
  EXPECT_EQ(Read("Sat, 01 Nov 97 12:00:00 GMT"), "1997-11-01T12:00:00Z");
  EXPECT_EQ(Read("Fri,01 Nov 2024 12:00:00 +09:00"), "2024-11-01T03:00:00Z");  // colon offset
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00+0900"), "2024-11-01T03:00:00Z");   // glued zone
  EXPECT_EQ(Read("Fri, 01 November 2024 12:00:00 -0530"), "2024-11-01T17:30:00Z");
  EXPECT_EQ(Read("Nov 1, 2024 12:00 PM EST"), "2024-11-01T17:00:00Z");  // month first, 12h
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 +0900 (JST)"), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("  Fri, 01 Nov 2024 12:00:00 GMT \n"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("1 Nov 2024"), "2024-11-01T00:00:00Z");  // date only
}

TEST(DateTest, NamedZones) {
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 JST"), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 KST"), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 WIB"), "2024-11-01T05:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 WITA"), "2024-11-01T04:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 WIT"), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 EST"), "2024-11-01T17:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 EDT"), "2024-11-01T16:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 CST"), "2024-11-01T18:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 CDT"), "2024-11-01T17:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 MST"), "2024-11-01T19:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 MDT"), "2024-11-01T18:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 PST"), "2024-11-01T20:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 PDT"), "2024-11-01T19:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 CET"), "2024-11-01T11:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 CEST"), "2024-11-01T10:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 BST"), "2024-11-01T11:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 IST"), "2024-11-01T06:30:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 UT"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 Z"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 gmt"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 GMT+9"), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 UTC-05:00"), "2024-11-01T17:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 Etc/GMT"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 A"), "2024-11-01T12:00:00Z");  // military: UTC
}

TEST(DateTest, Rfc3339AndW3cdtf) {
  EXPECT_EQ(Read("2024-11-01T12:00:00+09:00"), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("2024-11-01T12:00:00.123456Z"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("2024-11-01t12:00:00z"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("2024-11-01 12:00:00"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("2024-11-01T12:00+0700"), "2024-11-01T05:00:00Z");
  EXPECT_EQ(Read("2024-11-01T12:00:00 JST"), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("2024-11-01"), "2024-11-01T00:00:00Z");
  EXPECT_EQ(Read("2024-11"), "2024-11-01T00:00:00Z");
  EXPECT_EQ(Read("2024"), "2024-01-01T00:00:00Z");
  EXPECT_EQ(Read("20241101T120000Z"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("20241101"), "2024-11-01T00:00:00Z");
  EXPECT_EQ(Read("2024-11-01T24:00:00Z"), "2024-11-02T00:00:00Z");
}

TEST(DateTest, OtherForms) {
  EXPECT_EQ(Read("Sun Jul  6 12:56:00 2014"), "2014-07-06T12:56:00Z");  // asctime
  EXPECT_EQ(Read("Sun Jul 6 12:56:00 +0200 2014"), "2014-07-06T10:56:00Z");
  EXPECT_EQ(Read("11/01/2024 12:00"), "2024-11-01T12:00:00Z");  // US month first
  EXPECT_EQ(Read("25/12/2024"), "2024-12-25T00:00:00Z");        // day > 12: day first
  EXPECT_EQ(Read("01.11.2024 12:00:00"), "2024-11-01T12:00:00Z");
  EXPECT_EQ(Read("2024/11/01 12:00:00 +0900"), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("November 1st, 2024 at 9:30 pm"), "2024-11-01T21:30:00Z");
  EXPECT_EQ(Read("1st-Nov-2024"), "2024-11-01T00:00:00Z");  // dashed words
}

// Found by the date fuzzer (fuzz/RUNS.md, 2026-12-07): a dashed token with an empty piece
// made an empty token whose first byte was read, one past the text (the sanitizer build
// reports it; tests/fixtures/fuzz-regressions/date/ replays the input).
TEST(DateTest, EmptyPiecesOfDashedTokensAreNoTokens) {
  EXPECT_EQ(Read("2st-"), "none");
  EXPECT_EQ(Read("1st-Nov-2024-"), Read("1st-Nov-2024"));
  EXPECT_EQ(Read("1st--Nov-2024"), Read("1st-Nov-2024"));
}

TEST(DateTest, NoZoneMeansTheDefaultZone) {
  TimeZone tokyo("Asia/Tokyo");
  EXPECT_FALSE(tokyo.is_utc());
  EXPECT_EQ(Read("2024-11-01 12:00:00", tokyo), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00", tokyo), "2024-11-01T03:00:00Z");
  EXPECT_EQ(Read("2024-11-01", tokyo), "2024-10-31T15:00:00Z");
  EXPECT_EQ(Read("Fri, 01 Nov 2024 12:00:00 GMT", tokyo), "2024-11-01T12:00:00Z");  // has a zone
  TimeZone new_york("America/New_York");  // DST: -4 in July, -5 in January
  EXPECT_EQ(Read("2024-07-01 12:00", new_york), "2024-07-01T16:00:00Z");
  EXPECT_EQ(Read("2024-01-01 12:00", new_york), "2024-01-01T17:00:00Z");
  TimeZone unknown("Mars/Olympus_Mons");
  EXPECT_TRUE(unknown.is_utc());
  EXPECT_EQ(Read("2024-11-01 12:00:00", unknown), "2024-11-01T12:00:00Z");
}

TEST(DateTest, NotDates) {
  for (const char* text :
       {"", "   ", "yesterday", "Fri, 32 Nov 2024 12:00:00 GMT", "Fri, 31 Feb 2024 12:00:00 GMT",
        "2024-13-01", "2024-11-01T25:00:00Z", "2024-11-01T12:61:00Z", "0001-01-01T00:00:00Z",
        "Fri, 01 Nov 1066 12:00:00 GMT", "2024-11-01T12:00:00+99:00", "12:00:00", "Nov 2024",
        "2024-11-01T12:00:00 nonsense here", "99999999999999999999"}) {
    EXPECT_EQ(Read(text), "none") << text;
  }
  EXPECT_EQ(Read(std::string(1000, '9')), "none");
}

TEST(DateTest, LeapYears) {
  EXPECT_EQ(Read("2024-02-29"), "2024-02-29T00:00:00Z");
  EXPECT_EQ(Read("2023-02-29"), "none");
  EXPECT_EQ(Read("2000-02-29"), "2000-02-29T00:00:00Z");
  EXPECT_EQ(Read("1900-02-29"), "none");
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
}

}  // namespace
}  // namespace warta::ingest::feed::date
