#include "core/rfc3339.h"

#include <gtest/gtest.h>

namespace warta {
namespace {

std::int64_t Parsed(std::string_view text) {
  auto result = ParseRfc3339(text);
  EXPECT_TRUE(result.ok()) << text << ": " << (result.ok() ? "" : result.error().message);
  return result.ok() ? *result : -1;
}

TEST(Rfc3339Test, ParsesOffsetsAndUtc) {
  EXPECT_EQ(Parsed("2024-11-01T12:00:00+09:00"), 1730430000);
  EXPECT_EQ(Parsed("2024-11-01T03:00:00Z"), 1730430000);
  EXPECT_EQ(Parsed("2024-11-01t03:00:00z"), 1730430000);
  EXPECT_EQ(Parsed("2024-11-01 03:00:00Z"), 1730430000);
  EXPECT_EQ(Parsed("2024-10-31T21:30:00-05:30"), 1730430000);
  EXPECT_EQ(Parsed("2024-11-01T03:00:00.999999Z"), 1730430000);
  EXPECT_EQ(Parsed("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(Parsed("1969-12-31T23:59:59Z"), -1);
  EXPECT_EQ(Parsed("2024-02-29T00:00:00Z"), 1709164800);
  EXPECT_EQ(Parsed("2016-12-31T23:59:60Z"), 1483228800);  // leap second
}

TEST(Rfc3339Test, RoundTripsWithIso8601Utc) {
  for (std::int64_t t : {0LL, 1730430000LL, -86400LL, 253402300799LL}) {
    EXPECT_EQ(Parsed(FormatRfc3339Utc(t)), t);
  }
}

TEST(Rfc3339Test, RefusesEverythingElse) {
  for (const char* bad : {"",
                          "2024-11-01",
                          "2024-11-01T12:00:00",
                          "2024-11-01T12:00Z",
                          "2024-11-01T12:00:00+0900",
                          "2024-11-01T12:00:00+09",
                          "2024-11-01T12:00:00+24:00",
                          "2024-11-01T12:00:00+09:60",
                          "2024-13-01T12:00:00Z",
                          "2024-00-01T12:00:00Z",
                          "2023-02-29T12:00:00Z",
                          "2024-04-31T12:00:00Z",
                          "2024-11-01T24:00:00Z",
                          "2024-11-01T12:60:00Z",
                          "2024-11-01T12:00:61Z",
                          "2024-11-01T12:00:00.Z",
                          "2024-11-01T12:00:00Zjunk",
                          " 2024-11-01T12:00:00Z",
                          "2024-11-01X12:00:00Z",
                          "24-11-01T12:00:00Z",
                          "2024-1-01T12:00:00Z",
                          "Fri, 01 Nov 2024 03:00:00 GMT"}) {
    auto result = ParseRfc3339(bad);
    ASSERT_FALSE(result.ok()) << bad;
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidArgument) << bad;
  }
}

}  // namespace
}  // namespace warta
