#include "ingest/fetcher/http_headers.h"

#include <gtest/gtest.h>

namespace warta::ingest::fetcher {
namespace {

TEST(HttpHeadersTest, ParsesTheThreeHttpDateForms) {
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(ParseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);
  EXPECT_EQ(ParseHttpDate("Sun Nov  6 08:49:37 1994"), 784111777);
  EXPECT_EQ(ParseHttpDate("Tue, 14 Nov 2023 22:13:20 GMT"), 1700000000);
  EXPECT_FALSE(ParseHttpDate("yesterday"));
  EXPECT_FALSE(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 +0900"));
  EXPECT_FALSE(ParseHttpDate("Sun, 36 Nov 1994 08:49:37 GMT"));
  EXPECT_FALSE(ParseHttpDate(std::string(500, 'x')));
}

TEST(HttpHeadersTest, MaxAge) {
  EXPECT_EQ(ParseMaxAge("public, max-age=600"), 600);
  EXPECT_EQ(ParseMaxAge("MAX-AGE=\"60\""), 60);
  EXPECT_EQ(ParseMaxAge("s-maxage=600"), std::nullopt);
  EXPECT_EQ(ParseMaxAge("max-age=600, no-cache"), 0);
  EXPECT_EQ(ParseMaxAge("max-age=-1"), std::nullopt);
  EXPECT_EQ(ParseMaxAge("max-age=99999999999"), std::int64_t{10} * 365 * 86400);
  EXPECT_EQ(ParseMaxAge(""), std::nullopt);
}

TEST(HttpHeadersTest, RetryAfter) {
  EXPECT_EQ(ParseRetryAfter("120", 1000), 1120);
  EXPECT_EQ(ParseRetryAfter(" Tue, 14 Nov 2023 22:13:20 GMT", 0), 1700000000);
  EXPECT_FALSE(ParseRetryAfter("soon", 0));
  EXPECT_FALSE(ParseRetryAfter("-5", 0));
}

TEST(HttpHeadersTest, ContentType) {
  EXPECT_EQ(MediaType("Application/RSS+XML; charset=UTF-8"), "application/rss+xml");
  EXPECT_EQ(MediaType(""), "");
  EXPECT_EQ(Charset("text/xml; charset=\"Shift_JIS\""), "Shift_JIS");
  EXPECT_EQ(Charset("text/xml;CHARSET=euc-jp;q=1"), "euc-jp");
  EXPECT_EQ(Charset("text/xml"), "");
}

TEST(HttpHeadersTest, SafeHeaderValues) {
  EXPECT_TRUE(IsSafeHeaderValue("W/\"abc\""));
  EXPECT_FALSE(IsSafeHeaderValue("x\r\nSet-Cookie: a=b"));
  EXPECT_FALSE(IsSafeHeaderValue(std::string(2000, 'a')));
}

}  // namespace
}  // namespace warta::ingest::fetcher
