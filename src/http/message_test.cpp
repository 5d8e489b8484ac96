#include "http/message.h"

#include <gtest/gtest.h>

namespace warta::http {
namespace {

TEST(MessageTest, HeaderIsCaseInsensitiveAndFirstWins) {
  Request r;
  r.headers = {{"Content-Type", "text/plain"}, {"X-A", "1"}, {"x-a", "2"}};
  EXPECT_EQ(r.Header("content-type"), "text/plain");
  EXPECT_EQ(r.Header("X-A"), "1");
  EXPECT_EQ(r.Header("missing"), "");
}

TEST(MessageTest, CookieParsing) {
  Request r;
  r.headers = {{"Cookie", "a=1; warta_vid=abc.def ;  b=\"quoted\"; c="}, {"cookie", "d=4"}};
  EXPECT_EQ(r.Cookie("warta_vid"), "abc.def");
  EXPECT_EQ(r.Cookie("a"), "1");
  EXPECT_EQ(r.Cookie("b"), "quoted");
  EXPECT_EQ(r.Cookie("c"), "");
  EXPECT_EQ(r.Cookie("d"), "4");
  EXPECT_EQ(r.Cookie("warta"), "");
  EXPECT_EQ(r.Cookie("e"), "");
}

TEST(MessageTest, QueryParamDecodes) {
  Request r;
  r.query = "q=tokyo+news%21&empty=&flag&x%20y=1&q=second&bad=%zz%4";
  EXPECT_EQ(r.QueryParam("q"), "tokyo news!");
  EXPECT_EQ(r.QueryParam("empty"), "");
  EXPECT_EQ(r.QueryParam("flag"), "");
  EXPECT_EQ(r.QueryParam("x y"), "1");
  EXPECT_EQ(r.QueryParam("bad"), "%zz%4");
  EXPECT_EQ(r.QueryParam("none"), "");
}

TEST(MessageTest, PercentDecode) {
  EXPECT_EQ(PercentDecode("a%2Fb+c", false), "a/b+c");
  EXPECT_EQ(PercentDecode("a%2fb+c", true), "a/b c");
  EXPECT_EQ(PercentDecode("%E6%97%A5", false), "\xE6\x97\xA5");
  EXPECT_EQ(PercentDecode("%", false), "%");
  EXPECT_EQ(PercentDecode("%4", false), "%4");
  EXPECT_EQ(PercentDecode("%00", false), std::string(1, '\0'));
}

TEST(MessageTest, ResponseHelpers) {
  Response r = JsonResponse(201, "{}");
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.content_type, "application/json");
  r.SetHeader("ETag", "\"1\"");
  r.SetHeader("etag", "\"2\"");
  EXPECT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.Header("ETAG"), "\"2\"");
  Response redirect = RedirectResponse(303, "/x");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(redirect.Header("Location"), "/x");
  EXPECT_EQ(TextResponse(404, "nf").content_type, "text/plain; charset=utf-8");
}

TEST(MessageTest, MethodNames) {
  EXPECT_EQ(MethodName(Method::kGet), "GET");
  EXPECT_EQ(MethodName(Method::kDelete), "DELETE");
  EXPECT_EQ(MethodName(Method::kOptions), "OPTIONS");
}

TEST(MessageTest, HttpDates) {
  EXPECT_EQ(FormatHttpDate(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(ParseHttpDate("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(ParseHttpDate("Sunday, 06-Nov-94 08:49:37 GMT"), std::nullopt);
  EXPECT_EQ(ParseHttpDate("Sun, 06 Foo 1994 08:49:37 GMT"), std::nullopt);
  EXPECT_EQ(ParseHttpDate(""), std::nullopt);
}

}  // namespace
}  // namespace warta::http
