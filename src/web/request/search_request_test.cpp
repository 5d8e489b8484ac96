#include "web/request/search_request.h"

#include <gtest/gtest.h>

#include <string>

namespace warta::web {
namespace {

Result<SearchParams> Parse(const std::string& query, bool api = true) {
  http::Request request;
  request.query = query;
  return ParseSearchParams(request, api);
}

TEST(SearchRequestTest, DefaultsAndTerms) {
  auto params = Parse("q=Borrell+agreeing");
  ASSERT_TRUE(params.ok());
  EXPECT_EQ(params->query.text, "Borrell agreeing");
  EXPECT_EQ(params->query.terms, (std::vector<std::string>{"borrell", "agreeing"}));
  EXPECT_EQ(params->page, 1);
  EXPECT_EQ(params->page_size, 20);
  EXPECT_TRUE(params->filters.source.empty());
  EXPECT_FALSE(params->filters.published_from.has_value());
}

TEST(SearchRequestTest, FiltersAndDates) {
  auto params = Parse("q=x&source=MAINICHI&tag=politik&lang=en-GB&from=2024-11-01&to=2024-11-01");
  ASSERT_TRUE(params.ok()) << params.error().message;
  EXPECT_EQ(params->filters.source, "MAINICHI");
  EXPECT_EQ(params->filters.tag, "politik");
  EXPECT_EQ(params->filters.lang, "en-GB");
  EXPECT_EQ(*params->filters.published_from, 1730419200);
  EXPECT_EQ(*params->filters.published_to, 1730419200 + 86399);
}

TEST(SearchRequestTest, MalformedParametersAreClearErrors) {
  for (const char* bad :
       {"q=x&page=0", "q=x&page=-1", "q=x&page=abc", "q=x&page=999999999999", "q=x&limit=0",
        "q=x&limit=101", "q=x&lang=e%20n", "q=x&lang=%3Cscript%3E", "q=x&from=yesterday",
        "q=x&to=2024-13-45", "q=x&from=2024-1-1", "q=x&source=%FF", "q=x&page=101"}) {
    auto params = Parse(bad);
    ASSERT_FALSE(params.ok()) << bad;
    EXPECT_EQ(params.error().code, ErrorCode::kInvalidArgument) << bad;
    EXPECT_FALSE(params.error().message.empty());
    // The HTML page shows a localized text instead.
    EXPECT_EQ(params.error().user_key.rfind("search_error_", 0), 0u) << bad;
  }
  EXPECT_TRUE(Parse("q=x&page=100").ok());
  EXPECT_TRUE(Parse("q=x&limit=100&page=100").ok());
  // The HTML page ignores limit.
  auto html = Parse("q=x&limit=1000", /*api=*/false);
  ASSERT_TRUE(html.ok());
  EXPECT_EQ(html->page_size, 20);
}

TEST(SearchRequestTest, HostileQueriesAreNeverErrors) {
  for (const char* q : {"q=%22", "q=%FF%FE", "q=NEAR(a%20b)", "q=", "", "q=%00%01", "q=*"}) {
    EXPECT_TRUE(Parse(q).ok()) << q;
  }
}

TEST(SearchRequestTest, UrlKeepsQueryAndFilters) {
  auto params = Parse("q=kemitraan+keamanan&source=NHK+WORLD&lang=id&from=2024-11-01");
  ASSERT_TRUE(params.ok());
  EXPECT_EQ(SearchUrl(*params, 1),
            "/search?q=kemitraan%20keamanan&source=NHK%20WORLD&lang=id&from=2024-11-01");
  EXPECT_EQ(SearchUrl(*params, 3),
            "/search?q=kemitraan%20keamanan&source=NHK%20WORLD&lang=id&from=2024-11-01&page=3");
  auto again = Parse(SearchUrl(*params, 3).substr(8));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->page, 3);
  EXPECT_EQ(again->filters.published_from, params->filters.published_from);
}

}  // namespace
}  // namespace warta::web
