// GET /admin/sources: every feed source with its health (last fetch, HTTP status, the last
// error and how many in a row, items in the last week and in all), switches to disable it
// or hold its items for review (the wire inbox), "fetch now", and a form to add one.
// Editors and admins (CONTRACT §6 roles: sources are an editor's). The store validates a
// new source (http(s) URL, sizes) and refuses a URL it has; the scheduler picks up changes
// on its next pass. OPML in and out: sources_opml.cpp.
#include <spdlog/spdlog.h>

#include "core/ascii.h"
#include "storage/source_store.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/form.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/source_check.h"

namespace warta::web {
namespace {

http::Response Page(Context& context, const http::Request& request, const Staff& staff,
                    const model::NewSource* refused, const std::string& error, int status) {
  const std::int64_t now = context.clock.NowUnix();
  auto sources = context.store.sources().List(now);
  if (!sources.ok()) return AdminErrorPage(context, request, sources.error(), "sources");
  AdminPage page = StartAdminPage(context, request, staff, "admin_nav_sources", "sources");
  const Site& site = page.site;
  const i18n::Formatter& f = site.formatter();
  view::Data rows = view::MakeList();
  for (const model::Source& s : *sources) {
    view::Data row;
    row.set("id", std::to_string(s.id));
    row.set("name", s.DisplayName());
    row.set("url", s.url);
    row.set("enabled", s.enabled);
    row.set("review", s.review);
    row.set("last_fetch",
            s.last_fetch_at ? AdminDateTime(site, s.last_fetch_at) : site.T("admin_never"));
    row.set("last_status", s.last_status ? std::to_string(s.last_status) : std::string("–"));
    row.set("last_error", s.last_error);
    row.set("errors", f.Number(s.consecutive_errors));
    row.set("failing", !s.last_error.empty());
    row.set("items_week", f.Number(s.items_last_week));
    row.set("items_total", f.Number(s.items_total));
    rows.push_back(row);
  }
  page.data.set("rows", rows);
  page.data.set("has_rows", !sources->empty());
  page.data.set("can_fetch", static_cast<bool>(context.fetch_source_now));
  if (request.QueryParam("done") == "opml_imported") {  // sources_opml.cpp's counts
    const auto count = [&](const char* name) {
      return f.Number(ParseId(request.QueryParam(name)).value_or(0));
    };
    page.data.set("opml_counts", site.T("admin_opml_added") + " " + count("added") + ", " +
                                     site.T("admin_opml_present") + " " + count("present") + ", " +
                                     site.T("admin_opml_skipped") + " " + count("skipped"));
  }
  if (refused != nullptr) {
    page.data.set("new_url", refused->url);
    page.data.set("new_name", refused->name);
    page.data.set("new_review", refused->review);
    SetFieldErrors(page, {{"new_url", error}});
  }
  return RenderAdminPage(context, request, page, "sources", status);
}

}  // namespace

http::Response AdminSources(Context& context, const http::Request& request,
                            const http::RouteParams& /*params*/, const Staff& staff) {
  return Page(context, request, staff, nullptr, "", 200);
}

http::Response AdminSourceCreate(Context& context, const http::Request& request,
                                 const http::RouteParams& /*params*/, const Staff& staff) {
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  model::NewSource source;
  source.url = std::string(ascii::Trim(form->Value("url")));
  source.name = std::string(ascii::Trim(form->Value("name")));
  source.review = form->Checked("review");
  auto id = AddCheckedSource(context, source);
  if (!id.ok()) {
    const Site& site = SiteFor(context, request);
    switch (id.error().code) {
      case ErrorCode::kAlreadyExists:
        return Page(context, request, staff, &source, site.T("admin_source_error_taken"), 409);
      case ErrorCode::kInvalidArgument:
      case ErrorCode::kTooLarge:
        return Page(context, request, staff, &source, site.T("admin_source_error_url"), 400);
      default:
        return AdminErrorPage(context, request, id.error(), "source add");
    }
  }
  spdlog::info("web: source {} ({}) added by account {}", *id, source.url, staff.principal.user_id);
  return AdminSeeOther("/admin/sources?done=source_added#source-" + std::to_string(*id));
}

// POST /admin/sources/{id}/switch: enabled=0|1 or review=0|1.
http::Response AdminSourceSwitch(Context& context, const http::Request& request,
                                 const http::RouteParams& params, const Staff& /*staff*/) {
  auto id = ParseId(params.Get("id"));
  if (!id) return ErrorPage(context, request, 404);
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  auto source = context.store.sources().FindById(*id);
  if (!source.ok()) return AdminErrorPage(context, request, source.error(), "source switch");
  model::NewSource settings = source->Settings();
  bool changed = false;
  for (const char* name : {"enabled", "review"}) {
    if (!form->Has(name)) continue;
    const std::string value = form->Value(name);
    if (value != "0" && value != "1") return ErrorPage(context, request, 400);
    (std::string_view(name) == "enabled" ? settings.enabled : settings.review) = value == "1";
    changed = true;
  }
  if (!changed) return ErrorPage(context, request, 400);
  auto saved = context.store.sources().UpdateSettings(*id, settings);
  if (!saved.ok()) return AdminErrorPage(context, request, saved.error(), "source switch");
  return AdminSeeOther("/admin/sources?done=source_saved#source-" + std::to_string(*id));
}

http::Response AdminSourceFetch(Context& context, const http::Request& request,
                                const http::RouteParams& params, const Staff& /*staff*/) {
  auto id = ParseId(params.Get("id"));
  if (!id) return ErrorPage(context, request, 404);
  if (!context.fetch_source_now) return ErrorPage(context, request, 503);
  auto fetched = context.fetch_source_now(*id);
  if (!fetched.ok() && fetched.error().user_key == "fetch_too_soon") {
    // Not an error page: the source's health on the list already says when it was fetched.
    return AdminSeeOther("/admin/sources?done=source_fetch_too_soon#source-" + std::to_string(*id));
  }
  if (!fetched.ok()) return AdminErrorPage(context, request, fetched.error(), "fetch now");
  return AdminSeeOther("/admin/sources?done=source_fetching#source-" + std::to_string(*id));
}

}  // namespace warta::web
