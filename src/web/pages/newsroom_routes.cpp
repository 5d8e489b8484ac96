// Registers the newsroom's public pages (web/newsroom_routes.h).
#include "web/newsroom_routes.h"

#include "web/handlers.h"
#include "web/request/reader.h"

namespace warta::web {

void AddNewsroomPageRoutes(http::Router& router, Context& context) {
  using http::Method;
  Context* c = &context;
  auto with_params = [c](Response (*handler)(Context&, const Request&, const RouteParams&)) {
    return [c, handler](const Request& request, const RouteParams& params) {
      return handler(*c, request, params);
    };
  };
  router.Add(Method::kGet, "/penulis/{slug}", "author", with_params(AuthorPage));
  router.Add(Method::kGet, "/halaman/{slug}", "static_page", with_params(StaticPage));
  // One-time links (pages/account_link_pages.cpp); the posts carry the CSRF token.
  auto action = [c](ActionHandler handler) {
    return [c, handler](const Request& request, const RouteParams& params) {
      return RunAction(*c, request, params, handler);
    };
  };
  router.Add(Method::kGet, "/undangan/{token}", "invite", with_params(InvitePage));
  router.Add(Method::kPost, "/undangan/{token}", "invite", action(InviteAccept));
  router.Add(Method::kGet, "/reset/{token}", "reset", with_params(ResetPage));
  router.Add(Method::kPost, "/reset/{token}", "reset", action(ResetAccept));
  router.Add(
      Method::kGet, "/koreksi", "corrections",
      [c](const Request& request, const RouteParams&) { return CorrectionsPage(*c, request); });
}

}  // namespace warta::web
