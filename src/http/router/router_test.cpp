#include "http/router/router.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace warta::http {
namespace {

Request Make(Method method, std::string_view path) {
  Request r;
  r.method = method;
  r.path = path;
  r.target = path;
  return r;
}

RouteHandler Echo(std::string text) {
  return [text](const Request&, const RouteParams& params) {
    std::string body = text;
    for (const auto& [k, v] : params.values) {
      body += " " + std::string(k) + "=" + std::string(v);
    }
    return TextResponse(200, body);
  };
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add(Method::kGet, "/", "home", Echo("home"));
    router_.Add(Method::kGet, "/api/v1/articles/{id}", "api_article", Echo("article"));
    router_.Add(Method::kGet, "/api/v1/articles/search", "api_search", Echo("search"));
    router_.Add(Method::kPost, "/api/v1/articles/{id}/like", "like", Echo("like"));
    router_.Add(Method::kDelete, "/api/v1/articles/{id}/like", "unlike", Echo("unlike"));
    router_.Add(Method::kGet, "/{year}/{slug}", "article", Echo("page"));
    router_.AddPrefix(Method::kGet, "/static/", "static", Echo("static"));
    router_.AddPrefix(Method::kGet, "/static/img/", "img", Echo("img"));
  }
  Router router_;
};

TEST_F(RouterTest, MatchesParamsAndSetsRouteName) {
  Response r = router_.Dispatch(Make(Method::kGet, "/api/v1/articles/42"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "article id=42");
  EXPECT_EQ(r.route, "api_article");
  r = router_.Dispatch(Make(Method::kGet, "/2024/hello%20world"));
  EXPECT_EQ(r.body, "page year=2024 slug=hello%20world");  // raw, handlers decode
  EXPECT_EQ(r.route, "article");
}

TEST_F(RouterTest, LiteralSegmentWinsOverParameter) {
  Response r = router_.Dispatch(Make(Method::kGet, "/api/v1/articles/search"));
  EXPECT_EQ(r.route, "api_search");
}

TEST_F(RouterTest, RootMatchesOnlyRoot) {
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/")).route, "home");
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "//")).status, 404);
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/articles/")).status, 404);
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/api/v1/articles/42/")).status, 404);
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "")).status, 404);
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "*")).status, 404);
  std::string deep(1000, '/');
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, deep)).status, 404);
}

TEST_F(RouterTest, PrefixRoutesLongestFirst) {
  Response r = router_.Dispatch(Make(Method::kGet, "/static/img/a.png"));
  EXPECT_EQ(r.route, "img");
  EXPECT_EQ(r.body, "img *=a.png");
  r = router_.Dispatch(Make(Method::kGet, "/static/css/site.css"));
  EXPECT_EQ(r.body, "static *=css/site.css");
}

TEST_F(RouterTest, NotFoundUsesCustomHandler) {
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/nope/x/y")).route, "not_found");
  router_.SetNotFound(
      [](const Request& r) { return TextResponse(404, "custom " + std::string(r.path)); });
  Response r = router_.Dispatch(Make(Method::kGet, "/nope/x/y"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, "custom /nope/x/y");
  EXPECT_EQ(r.route, "not_found");
}

TEST_F(RouterTest, MethodNotAllowedListsAllowedMethods) {
  Response r = router_.Dispatch(Make(Method::kPut, "/api/v1/articles/7/like"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("allow"), "POST, DELETE, OPTIONS");
  EXPECT_EQ(r.route, "method_not_allowed");
  r = router_.Dispatch(Make(Method::kPost, "/"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.Header("Allow"), "GET, HEAD, OPTIONS");
  r = router_.Dispatch(Make(Method::kOptions, "/"));
  EXPECT_EQ(r.status, 204);
  EXPECT_EQ(r.Header("Allow"), "GET, HEAD, OPTIONS");
}

TEST_F(RouterTest, HeadIsServedByGetKeepingTheBodyForContentLength) {
  Response r = router_.Dispatch(Make(Method::kHead, "/api/v1/articles/5"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.route, "api_article");
  EXPECT_EQ(r.body, "article id=5");  // the server drops it on the wire
  EXPECT_EQ(router_.Dispatch(Make(Method::kHead, "/api/v1/articles/5/like")).status, 405);
}

TEST_F(RouterTest, DeleteAndPostOnSamePattern) {
  EXPECT_EQ(router_.Dispatch(Make(Method::kDelete, "/api/v1/articles/9/like")).body, "unlike id=9");
  EXPECT_EQ(router_.Dispatch(Make(Method::kPost, "/api/v1/articles/9/like")).route, "like");
}

TEST_F(RouterTest, EmptyParameterDoesNotMatch) {
  EXPECT_EQ(router_.Dispatch(Make(Method::kGet, "/2024/")).status, 404);
  EXPECT_EQ(router_.Dispatch(Make(Method::kPost, "/api/v1/articles//like")).status, 404);
}

TEST_F(RouterTest, RoutesListsEveryRouteAsWritten) {
  auto routes = router_.Routes();
  ASSERT_EQ(routes.size(), 8u);
  auto has = [&](Method method, std::string_view pattern, bool prefix) {
    return std::any_of(routes.begin(), routes.end(), [&](const RouteInfo& r) {
      return r.method == method && r.pattern == pattern && r.prefix == prefix;
    });
  };
  EXPECT_TRUE(has(Method::kGet, "/", false));
  EXPECT_TRUE(has(Method::kGet, "/api/v1/articles/{id}", false));
  EXPECT_TRUE(has(Method::kDelete, "/api/v1/articles/{id}/like", false));
  EXPECT_TRUE(has(Method::kGet, "/{year}/{slug}", false));
  EXPECT_TRUE(has(Method::kGet, "/static/img/", true));
  // Matching order: exact routes before prefix routes, the longer prefix first.
  EXPECT_FALSE(routes.front().prefix);
  EXPECT_EQ(routes.back().pattern, "/static/");
  // Each names its handler, which answers as the route does.
  for (const RouteInfo& route : routes) ASSERT_NE(route.handler, nullptr);
  EXPECT_EQ((*routes.back().handler)(Make(Method::kGet, "/static/x"), RouteParams{}).body,
            "static");
}

}  // namespace
}  // namespace warta::http
