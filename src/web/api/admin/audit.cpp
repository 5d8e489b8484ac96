// GET /api/v1/admin/audit: who changed what and when, newest first, in keyset pages; for
// admins (it names every account's actions).
#include <utility>

#include "core/limits.h"
#include "storage/audit_store.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/admin_support.h"

namespace warta::web::admin_api {

Response ListAudit(Context& context, const Request& request, const RouteParams& /*params*/,
                   const Staff& /*staff*/) {
  storage::AuditQuery query;
  const std::optional<int> limit = LimitParam(request, 50, limits::kMaxAdminPageRows);
  if (!limit) {
    return ErrorReply(400, "'limit' must be 1.." + std::to_string(limits::kMaxAdminPageRows));
  }
  query.limit = *limit;
  query.target_type = request.QueryParam("target_type");
  if (query.target_type.size() > 100) return ErrorReply(400, "'target_type' is too long");
  if (std::string target = request.QueryParam("target_id"); !target.empty()) {
    auto id = ParseCursor1(target);
    if (!id || query.target_type.empty()) {
      return ErrorReply(400, "'target_id' must be a number, with 'target_type'");
    }
    query.target_id = *id;
  }
  if (std::string cursor = request.QueryParam("cursor"); !cursor.empty()) {
    auto before = ParseCursor1(cursor);
    if (!before || *before == 0) return ErrorReply(400, "'cursor' is not one this API gave");
    query.before_id = *before;
  }
  auto entries = context.store.audit().List(query);
  if (!entries.ok()) return ErrorReply(entries.error());
  Json list = Json::array();
  for (const model::AuditEntry& e : *entries) {
    list.push_back({{"id", e.id},
                    {"created", TimeJson(e.created_at)},
                    {"user_id", e.user_id},
                    {"user", e.user_name},
                    {"action", e.action},
                    {"target_type", e.target_type},
                    {"target_id", e.target_id},
                    {"summary", e.summary}});
  }
  const bool more = static_cast<int>(entries->size()) == *limit;
  return JsonReply(200, {{"entries", std::move(list)},
                         {"next", more ? Json(Cursor(entries->back().id)) : Json(nullptr)}});
}

}  // namespace warta::web::admin_api
