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
  ListParams page = ReadLimitAndIdCursor(request, 50, limits::kMaxAdminPageRows);
  if (page.refusal) return std::move(*page.refusal);
  query.limit = page.limit;
  query.before_id = page.cursor;  // newest first: 0 is the newest
  query.target_type = request.QueryParam("target_type");
  if (query.target_type.size() > 100) return ErrorReply(400, "'target_type' is too long");
  if (std::string target = request.QueryParam("target_id"); !target.empty()) {
    auto id = ParseCursor1(target);
    if (!id || query.target_type.empty()) {
      return ErrorReply(400, "'target_id' must be a number, with 'target_type'");
    }
    query.target_id = *id;
  }
  auto entries = context.store.audit().List(query);
  if (!entries.ok()) return ErrorReply(entries.error());
  return IdPageReply("entries", *entries, query.limit, [](const model::AuditEntry& e) {
    return Json{{"id", e.id},
                {"created", TimeJson(e.created_at)},
                {"user_id", e.user_id},
                {"user", e.user_name},
                {"action", e.action},
                {"target_type", e.target_type},
                {"target_id", e.target_id},
                {"summary", e.summary}};
  });
}

}  // namespace warta::web::admin_api
