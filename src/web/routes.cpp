#include <spdlog/spdlog.h>

#include "web/handlers.h"
#include "web/media_routes.h"
#include "web/newsroom_routes.h"
#include "web/request/account_menu.h"
#include "web/request/reader.h"
#include "web/web_app.h"

namespace warta::web {

http::Router BuildRoutes(Context& context) {
  using http::Method;
  http::Router router;
  Context* c = &context;
  auto page = [c](Response (*handler)(Context&, const Request&)) {
    return
        [c, handler](const Request& request, const RouteParams&) { return handler(*c, request); };
  };
  auto with_params = [c](Response (*handler)(Context&, const Request&, const RouteParams&)) {
    return [c, handler](const Request& request, const RouteParams& params) {
      return handler(*c, request, params);
    };
  };
  // Every POST/PUT/DELETE route is bound through `action`: the CSRF token is checked first.
  auto action = [c](ActionHandler handler) {
    return [c, handler](const Request& request, const RouteParams& params) {
      return RunAction(*c, request, params, handler);
    };
  };
  router.Add(Method::kGet, "/", "home", page(HomePage));
  router.Add(Method::kGet, "/rubrik/{slug}", "section", with_params(SectionPage));
  router.Add(Method::kGet, "/search", "search", page(SearchPage));
  router.Add(Method::kGet, "/api/v1/search", "api_search", page(ApiSearch));
  router.Add(Method::kGet, "/artikel/{id}", "article", with_params(ArticlePage));
  router.Add(Method::kGet, "/artikel/{id}/{slug}", "article", with_params(ArticlePage));
  router.Add(Method::kGet, "/api/v1/articles/{id}", "api_article", with_params(ApiArticle));
  router.Add(Method::kGet, "/login", "login", page(LoginPage));
  router.Add(Method::kGet, "/register", "register", page(RegisterPage));
  router.Add(Method::kGet, "/api/v1/session", "api_session", page(ApiSession));
  router.Add(Method::kPost, "/api/v1/auth/register", "api_register", action(ApiRegister));
  router.Add(Method::kPost, "/api/v1/auth/login", "api_login", action(ApiLogin));
  router.Add(Method::kPost, "/api/v1/auth/logout", "api_logout", action(ApiLogout));
  router.Add(Method::kPost, "/api/v1/articles/{id}/like", "api_like", action(LikeAction));
  router.Add(Method::kDelete, "/api/v1/articles/{id}/like", "api_like", action(LikeAction));
  router.Add(Method::kPost, "/api/v1/articles/{id}/share", "api_share", action(ShareAction));
  // Comments and moderation (docs/api.md). Forms cannot send PUT or DELETE, so edit and
  // delete also have POST …/edit and …/delete.
  router.Add(Method::kGet, "/api/v1/articles/{id}/comments", "api_comments",
             with_params(ApiComments));
  router.Add(Method::kPost, "/api/v1/articles/{id}/comments", "api_comment_create",
             action(CommentCreate));
  router.Add(Method::kPut, "/api/v1/comments/{id}", "api_comment_edit", action(CommentEdit));
  router.Add(Method::kPatch, "/api/v1/comments/{id}", "api_comment_edit", action(CommentEdit));
  router.Add(Method::kPost, "/api/v1/comments/{id}/edit", "api_comment_edit", action(CommentEdit));
  router.Add(Method::kDelete, "/api/v1/comments/{id}", "api_comment_delete", action(CommentDelete));
  router.Add(Method::kPost, "/api/v1/comments/{id}/delete", "api_comment_delete",
             action(CommentDelete));
  router.Add(Method::kPost, "/api/v1/comments/{id}/report", "api_comment_report",
             action(CommentReport));
  router.Add(Method::kPost, "/api/v1/comments/{id}/approve", "api_comment_moderate",
             action(CommentApprove));
  router.Add(Method::kPost, "/api/v1/comments/{id}/reject", "api_comment_moderate",
             action(CommentReject));
  router.Add(Method::kPost, "/api/v1/comments/{id}/spam", "api_comment_moderate",
             action(CommentSpam));
  router.Add(Method::kPost, "/api/v1/comments/{id}/ban", "api_comment_moderate",
             action(CommentBan));
  router.Add(Method::kPost, "/api/v1/articles/{id}/comments/close", "api_comments_close",
             action(CommentsClose));
  router.Add(Method::kPost, "/api/v1/articles/{id}/comments/open", "api_comments_close",
             action(CommentsOpen));
  router.Add(Method::kGet, "/artikel/{id}/{slug}/komentar", "comments_page",
             with_params(CommentsPage));
  router.Add(Method::kGet, "/artikel/{id}/{slug}/comments.xml", "comments_feed",
             with_params(CommentsFeed));
  router.Add(Method::kGet, "/moderasi", "moderation", page(ModerationPage));
  router.Add(Method::kGet, "/moderation", "moderation", page(ModerationPage));
  router.Add(Method::kGet, "/tag", "tags", page(TagsIndexPage));
  router.Add(Method::kGet, "/tag/{slug}", "tag", with_params(TagPage));
  router.Add(Method::kGet, "/healthz", "healthz", page(Healthz));
  router.Add(Method::kGet, "/lang", "lang", page(LanguageSwitch));
  router.Add(Method::kGet, "/metrics", "metrics", page(Metrics));
  router.AddPrefix(Method::kGet, "/static/", "static", with_params(StaticFile));
  router.Add(Method::kGet, "/look.css", "static", page(LookStylesheet));
  // Browsers and feed readers ask for /favicon.ico whatever the page links to.
  router.Add(Method::kGet, "/favicon.ico", "static", [](const Request&, const RouteParams&) {
    return http::RedirectResponse(301, "/static/favicon.svg");
  });
  // Feeds out and crawler files (docs/decisions/0006-feeds-out-and-seo.md). /sumber/{source}
  // and /tag/{tag} are slugs of the outlet and tag names (web/feeds/feeds_out.cpp).
  for (const std::string prefix : {"", "/sumber/{source}", "/tag/{tag}"}) {
    for (const char* feed : {"/feed.xml", "/atom.xml", "/feed.json"}) {
      router.Add(Method::kGet, prefix + feed, "feed", with_params(FeedOut));
    }
  }
  router.Add(Method::kGet, "/sitemap.xml", "sitemap", page(Sitemap));
  router.AddPrefix(Method::kGet, "/sitemap-", "sitemap", with_params(SitemapPage));
  router.Add(Method::kGet, "/news-sitemap.xml", "sitemap", page(NewsSitemap));
  router.Add(Method::kGet, "/robots.txt", "robots", page(RobotsTxt));
  // Password change (docs/api.md).
  router.Add(Method::kGet, "/account", "account", page(AccountPage));
  router.Add(Method::kPost, "/api/v1/auth/password", "api_password", action(ApiChangePassword));
  AddMediaRoutes(router, context);  // /media/… and POST /api/v1/admin/media
  // The newsroom (web/newsroom_routes.h).
  AddAdminApiRoutes(router, context);
  AddAdminPageRoutes(router, context);
  AddNewsroomPageRoutes(router, context);
  router.SetNotFound([c](const Request& request) {
    bool api = request.path.substr(0, 5) == "/api/";
    return api ? ApiError(404, "no such API route") : ErrorPage(*c, request, 404);
  });
  return router;
}

WebApp::WebApp(Context context) : context_(std::move(context)), router_(BuildRoutes(context_)) {}

http::Response WebApp::Handle(const http::Request& request) {
  // One Site for the whole request, even when reload_site swaps it meanwhile.
  SitePin pin(context_.site);
  http::Response response;
  try {
    response = router_.Dispatch(request);
  } catch (const std::exception& e) {
    spdlog::error("web: {} {}: {}", http::MethodName(request.method), request.target, e.what());
    // The reader gets the site's own 500 page; the server's access log has the request.
    response = ErrorPage(context_, request, 500);
    response.route = "error";
  }
  // Pages other than the spliced article page get the reader's account menu here.
  FillAccountMenu(context_, request, response);
  return response;
}

http::Handler WebApp::AsHandler() {
  return [this](const http::Request& request) { return Handle(request); };
}

}  // namespace warta::web
