// Who may call what, over every route the router has under /admin and /api/v1/admin/
// (docs/api.md "Admin API": roles): read from WebApp::router().Routes(), not a hand-kept
// list, so a route added later is covered the day it is registered. For each route and each
// caller: anonymous 401 (API) or 303 to /login (pages); reader 403 everywhere; a role below
// the route's least role 403; moderators 403 on every article route; an author 403 (or 404)
// on an article that is not their own; everyone else allowed past the guard. A route bound
// without AdminRoute fails the test.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "auth/roles.h"
#include "web/newsroom_routes.h"
#include "web/testing/web_fixture.h"

namespace warta::web {
namespace {

using http::Method;
using model::Role;
using testing::Caller;

bool IsAdminPattern(const std::string& pattern) {
  return pattern == "/admin" || pattern.rfind("/admin/", 0) == 0 ||
         pattern.rfind("/api/v1/admin/", 0) == 0;
}

// Routes about articles (API and pages, in either language of the path): moderators work on
// comments only and must be refused there whatever role a route names.
bool IsArticlePattern(const std::string& pattern) {
  for (const char* word : {"/articles", "/artikel", "/inbox", "/preview", "/revisions"}) {
    if (pattern.find(word) != std::string::npos) return true;
  }
  return false;
}

// "GET /admin/x" of each admin route not bound through AdminRoute (web/newsroom_routes.h).
std::vector<std::string> UnguardedAdminRoutes(const http::Router& router) {
  std::vector<std::string> out;
  for (const http::RouteInfo& route : router.Routes()) {
    if (!IsAdminPattern(route.pattern)) continue;
    if (route.handler == nullptr || route.handler->target<AdminGuard>() == nullptr) {
      out.push_back(std::string(http::MethodName(route.method)) + " " + route.pattern);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The pattern with every {param} filled: article ids by `article`, anything else by 1.
std::string Fill(const std::string& pattern, std::int64_t article, bool prefix) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] != '{') {
      out += pattern[i++];
      continue;
    }
    const std::size_t close = pattern.find('}', i);
    const std::string name = pattern.substr(i + 1, close - i - 1);
    out += name == "id" ? std::to_string(article) : "1";
    i = close + 1;
  }
  return prefix ? out + "x" : out;
}

class AuthorizationMatrixTest : public testing::WebFixture {};

TEST_F(AuthorizationMatrixTest, EveryAdminRouteIsGuardedByItsLeastRole) {
  const Caller reader = MakeUser(Role::kReader);
  const Caller moderator = MakeUser(Role::kModerator);
  const Caller author = MakeUser(Role::kAuthor);
  const Caller editor = MakeUser(Role::kEditor);
  const Caller admin = MakeUser(Role::kAdmin);
  // An article of the editor's: an author may not touch it.
  auto created = Send(Method::kPost, "/api/v1/admin/articles", &editor,
                      R"({"title": "The editor's own", "body_markdown": "Text."})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t article = JsonOf(created)["id"].get<std::int64_t>();

  const std::vector<std::string> unguarded = UnguardedAdminRoutes(app_->router());
  EXPECT_TRUE(unguarded.empty()) << "bound without AdminRoute: "
                                 << ::testing::PrintToString(unguarded);

  int routes = 0;
  for (const http::RouteInfo& route : app_->router().Routes()) {
    if (!IsAdminPattern(route.pattern)) continue;
    const auto* guard = route.handler->target<AdminGuard>();
    if (guard == nullptr) continue;  // reported above
    ++routes;
    const std::string what = std::string(http::MethodName(route.method)) + " " + route.pattern;
    const std::string target = Fill(route.pattern, article, route.prefix);
    const bool page = guard->surface == AdminSurface::kPage;
    // No admin route is for readers; none about articles is for moderators.
    EXPECT_NE(guard->least, Role::kReader) << what;
    if (IsArticlePattern(route.pattern)) {
      EXPECT_NE(guard->least, Role::kModerator) << what;
    }

    const http::Response anonymous = Send(route.method, target);
    if (page) {
      EXPECT_EQ(anonymous.status, 303) << what;
      EXPECT_EQ(anonymous.Header("location").rfind("/login?next=", 0), 0U) << what;
    } else {
      EXPECT_EQ(anonymous.status, 401) << what << ": " << anonymous.body;
      EXPECT_TRUE(JsonOf(anonymous).contains("error")) << what;
    }
    for (const Caller* caller : {&reader, &moderator, &author, &editor, &admin}) {
      const std::string who = what + " as " + caller->name;
      const http::Response response = Send(route.method, target, caller);
      const bool article_route = IsArticlePattern(route.pattern);
      if (!auth::HasRole(caller->role, guard->least) ||
          (caller->role == Role::kModerator && article_route)) {
        EXPECT_EQ(response.status, 403) << who << ": " << response.body;
      } else if (caller->role == Role::kAuthor && article_route &&
                 route.pattern.find("{id}") != std::string::npos) {
        EXPECT_TRUE(response.status == 403 || response.status == 404)
            << who << " (not the author's article): " << response.status << " " << response.body;
      } else {
        EXPECT_NE(response.status, 401) << who << ": " << response.body;
        EXPECT_NE(response.status, 403) << who << ": " << response.body;
      }
      EXPECT_EQ(response.Header("cache-control"), "private, no-store") << who;
    }
  }
  // The Admin API alone has more than 40; a router without them would pass vacuously.
  EXPECT_GE(routes, 40);
}

TEST_F(AuthorizationMatrixTest, StateChangingCallsOfASessionNeedTheCsrfToken) {
  const Caller editor = MakeUser(Role::kEditor);
  int checked = 0;
  for (const http::RouteInfo& route : app_->router().Routes()) {
    if (!IsAdminPattern(route.pattern) || route.method == Method::kGet) continue;
    const std::string target = Fill(route.pattern, 1, route.prefix);
    const http::Response response =
        Send(route.method, target, &editor, "{}", testing::Auth::kSessionNoCsrf);
    EXPECT_EQ(response.status, 403) << http::MethodName(route.method) << " " << route.pattern;
    ++checked;
  }
  EXPECT_GE(checked, 20);
}

TEST_F(AuthorizationMatrixTest, ABearerTokenNeedsNoCsrfTokenAndABadOneIs401) {
  Caller editor = MakeUser(Role::kEditor);
  MakeToken(editor);
  auto created = Send(Method::kPost, "/api/v1/admin/articles", &editor, R"({"title": "By token"})",
                      testing::Auth::kBearer);
  EXPECT_EQ(created.status, 201) << created.body;
  Caller forged = editor;
  forged.bearer = "wt_" + std::string(43, 'A');
  auto refused = Send(Method::kGet, "/api/v1/admin/articles", &forged, "", testing::Auth::kBearer);
  EXPECT_EQ(refused.status, 401);
  EXPECT_FALSE(refused.Header("www-authenticate").empty());
  // A reader's token authenticates nobody for the newsroom (auth/api_tokens.h).
  Caller reader = MakeUser(Role::kReader);
  MakeToken(reader);
  auto low = Send(Method::kGet, "/api/v1/admin/articles", &reader, "", testing::Auth::kBearer);
  EXPECT_TRUE(low.status == 401 || low.status == 403) << low.status;
}

TEST(AdminRouteGuard, AnAdminRouteBoundWithoutAdminRouteIsFound) {
  // The check the matrix relies on, on a router with one route of each kind.
  http::Router router;
  Context* no_context = nullptr;
  router.Add(Method::kGet, "/admin/forgotten", "x",
             [](const http::Request&, const http::RouteParams&) { return http::Response{}; });
  router.Add(Method::kGet, "/api/v1/admin/forgotten", "x",
             [](const http::Request&, const http::RouteParams&) { return http::Response{}; });
  router.Add(Method::kGet, "/api/v1/articles", "x",
             [](const http::Request&, const http::RouteParams&) { return http::Response{}; });
  router.Add(Method::kGet, "/admin/guarded", "x",
             AdminGuard{no_context, Role::kEditor, AdminSurface::kPage, nullptr});
  EXPECT_EQ(UnguardedAdminRoutes(router),
            (std::vector<std::string>{"GET /admin/forgotten", "GET /api/v1/admin/forgotten"}));
}

}  // namespace
}  // namespace warta::web
