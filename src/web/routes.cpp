#include <spdlog/spdlog.h>

#include "web/handlers.h"
#include "web/reader.h"
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
  router.Add(Method::kGet, "/tag", "tags", page(TagsIndexPage));
  router.Add(Method::kGet, "/tag/{slug}", "tag", with_params(TagPage));
  router.Add(Method::kGet, "/healthz", "healthz", page(Healthz));
  router.Add(Method::kGet, "/metrics", "metrics", page(Metrics));
  router.AddPrefix(Method::kGet, "/static/", "static", with_params(StaticFile));
  // Browsers and feed readers ask for /favicon.ico whatever the page links to.
  router.Add(Method::kGet, "/favicon.ico", "static", [](const Request&, const RouteParams&) {
    return http::RedirectResponse(301, "/static/favicon.svg");
  });
  router.SetNotFound([c](const Request& request) {
    bool api = request.path.substr(0, 5) == "/api/";
    return api ? ApiError(404, "no such API route") : ErrorPage(*c, 404);
  });
  return router;
}

WebApp::WebApp(Context context) : context_(std::move(context)), router_(BuildRoutes(context_)) {}

http::Response WebApp::Handle(const http::Request& request) {
  try {
    return router_.Dispatch(request);
  } catch (const std::exception& e) {
    spdlog::error("web: {} {}: {}", http::MethodName(request.method), request.target, e.what());
    // The reader gets the site's own 500 page; the server's access log has the request.
    http::Response response = ErrorPage(context_, 500);
    response.route = "error";
    return response;
  }
}

http::Handler WebApp::AsHandler() {
  return [this](const http::Request& request) { return Handle(request); };
}

}  // namespace warta::web
