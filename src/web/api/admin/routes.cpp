// Registers the Admin API (docs/api.md "Admin API") (web/newsroom_routes.h).
#include "web/newsroom_routes.h"

namespace warta::web {

void AddAdminApiRoutes(http::Router& router, Context& context) {
  AddAdminSettingsRoutes(router, context);  // web/api/admin/settings.cpp
  (void)router;
  (void)context;
}

}  // namespace warta::web
