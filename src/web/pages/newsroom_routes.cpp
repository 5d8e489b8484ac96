// Registers the newsroom's public pages (web/newsroom_routes.h).
#include "web/newsroom_routes.h"

namespace warta::web {

void AddNewsroomPageRoutes(http::Router& router, Context& context) {
  (void)router;
  (void)context;
}

}  // namespace warta::web
