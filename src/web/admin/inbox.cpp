// The wire inbox: GET /admin/inbox lists the items of sources set to hold for review
// (status held, docs/decisions/0009-newsroom.md "Wire inbox"), newest first, each with its
// source; an editor opens one in the editor (which shows "source updated" with the diff when
// the source sent a newer version) or, from here, publishes it as it came or discards it
// (POST /admin/inbox/{id}/publish|discard with the version shown: a stale page is refused,
// nothing written). A discarded item is kept, so re-ingesting it makes no second draft.
#include "newsroom/service.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/form.h"
#include "web/handlers.h"

namespace warta::web {
namespace {

constexpr int kInboxPage = 100;

http::Response Decide(Context& context, const http::Request& request,
                      const http::RouteParams& params, const Staff& staff, const char* status,
                      std::string_view done) {
  if (context.editorial == nullptr) return ErrorPage(context, request, 503);
  auto id = ParseId(params.Get("id"));
  if (!id) return ErrorPage(context, request, 404);
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  auto version = form->Id("version");
  if (!version) return ErrorPage(context, request, 400);
  newsroom::ArticleInput input;
  input.version = *version;
  input.status = status;
  auto saved = context.editorial->Update(staff.principal, *id, input);
  if (!saved.ok()) return AdminErrorPage(context, request, saved.error(), "inbox");
  if (saved->kind == newsroom::SaveOutcome::Kind::kConflict) {
    return AdminSeeOther("/admin/inbox?done=inbox_conflict");
  }
  return AdminSeeOther("/admin/inbox?done=" + std::string(done));
}

}  // namespace

http::Response AdminInbox(Context& context, const http::Request& request,
                          const http::RouteParams& /*params*/, const Staff& staff) {
  if (context.editorial == nullptr) return ErrorPage(context, request, 503);
  storage::AdminListQuery query;
  query.status = model::ArticleStatus::kHeld;
  query.limit = kInboxPage;
  auto held = context.editorial->List(staff.principal, query);
  if (!held.ok()) return AdminErrorPage(context, request, held.error(), "inbox");
  AdminPage page = StartAdminPage(context, request, staff, "admin_nav_inbox", "inbox");
  view::Data rows = view::MakeList();
  for (const storage::AdminListRow& r : held->rows) {
    view::Data row;
    const std::string base = "/admin/inbox/" + std::to_string(r.id);
    row.set("id", std::to_string(r.id));
    row.set("title", r.title);
    row.set("source", r.source);
    row.set("updated", AdminDateTime(page.site, r.updated_at));
    row.set("edit_path", "/admin/articles/" + std::to_string(r.id));
    row.set("publish_path", base + "/publish");
    row.set("discard_path", base + "/discard");
    row.set("version", std::to_string(r.revision));
    rows.push_back(row);
  }
  page.data.set("rows", rows);
  page.data.set("has_rows", !held->rows.empty());
  return RenderAdminPage(context, request, page, "inbox");
}

http::Response AdminInboxPublish(Context& context, const http::Request& request,
                                 const http::RouteParams& params, const Staff& staff) {
  return Decide(context, request, params, staff, "published", "inbox_published");
}

http::Response AdminInboxDiscard(Context& context, const http::Request& request,
                                 const http::RouteParams& params, const Staff& staff) {
  return Decide(context, request, params, staff, "discarded", "inbox_discarded");
}

}  // namespace warta::web
