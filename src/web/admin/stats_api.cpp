// GET /api/v1/admin/stats: the dashboard's figures as JSON (docs/api.md "Dashboard"), read
// exactly as GET /admin reads them (web/admin/dashboard_stats.h). Editors and admins.
#include <spdlog/spdlog.h>

#include "web/admin/admin_handlers.h"
#include "web/admin/dashboard_stats.h"
#include "web/handlers.h"

namespace warta::web {

http::Response AdminStatsApi(Context& context, const http::Request& /*request*/,
                             const http::RouteParams& /*params*/, const Staff& /*staff*/) {
  auto stats =
      ReadDashboardStats(context.store, context.site->formatter(), context.clock.NowUnix());
  if (!stats.ok()) {
    spdlog::error("web: admin stats: {}", stats.error().ToString());
    return ApiError(503, "the statistics could not be read; try again");
  }
  return http::JsonResponse(200, DashboardStatsJson(*stats));
}

}  // namespace warta::web
