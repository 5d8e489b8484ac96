// The newsroom's routes, registered by BuildRoutes (web/routes.cpp) from three files so the
// Admin API, the /admin pages and the newsroom's public pages grow independently:
//   web/api/admin/routes.cpp   /api/v1/admin/…   JSON, session + CSRF or Bearer token
//   web/admin/routes.cpp       /admin…           HTML pages and their form posts
//   web/pages/newsroom_routes.cpp  public pages: /rubrik, /penulis, /halaman, /koreksi, …
// Every /admin and /api/v1/admin/ route is bound through AdminRoute (web/request/staff.h
// RunAdmin), which names the least role it needs; a test walks the router and checks that
// none answers an anonymous caller or a reader.
#pragma once

#include "http/router/router.h"
#include "model/role.h"
#include "web/context.h"
#include "web/request/staff.h"

namespace warta::web {

// What AdminRoute binds: runs `handler` through RunAdmin with `least` and `surface`. A named
// type, so a test walking the router reads each route's least role from its handler
// (std::function::target<AdminGuard>()).
struct AdminGuard {
  Context* context = nullptr;
  model::Role least = model::Role::kAdmin;
  AdminSurface surface = AdminSurface::kApi;
  AdminHandler handler = nullptr;

  http::Response operator()(const http::Request& request, const http::RouteParams& params) const {
    return RunAdmin(*context, request, params, least, surface, handler);
  }
};

inline http::RouteHandler AdminRoute(Context& context, model::Role least, AdminSurface surface,
                                     AdminHandler handler) {
  return AdminGuard{&context, least, surface, handler};
}

void AddAdminApiRoutes(http::Router& router, Context& context);
void AddAdminPageRoutes(http::Router& router, Context& context);
void AddNewsroomPageRoutes(http::Router& router, Context& context);
// GET/PATCH /api/v1/admin/settings (web/api/admin/settings.cpp).
void AddAdminSettingsRoutes(http::Router& router, Context& context);

}  // namespace warta::web
