// OPML in and out of the admin (ingest/opml/opml.h): GET /admin/sources.opml downloads every
// source; POST /admin/sources/opml (multipart: file) adds the feeds of an OPML file, skipping
// URLs already present and outlines the store refuses, and says how many of each.
#include <spdlog/spdlog.h>

#include "ingest/opml/opml.h"
#include "storage/source_store.h"
#include "web/admin/admin_handlers.h"
#include "web/admin/admin_page.h"
#include "web/admin/form.h"
#include "web/handlers.h"
#include "web/source_check.h"

namespace warta::web {

http::Response AdminOpmlExport(Context& context, const http::Request& request,
                               const http::RouteParams& /*params*/, const Staff& /*staff*/) {
  const std::int64_t now = context.clock.NowUnix();
  auto sources = context.store.sources().List(now);
  if (!sources.ok()) return AdminErrorPage(context, request, sources.error(), "opml export");
  http::Response response;
  response.body = ingest::opml::WriteOpml(*sources, context.site->settings().name, now);
  response.SetHeader("Content-Type", "text/x-opml; charset=utf-8");
  response.SetHeader("Content-Disposition", "attachment; filename=\"sources.opml\"");
  return response;
}

http::Response AdminOpmlImport(Context& context, const http::Request& request,
                               const http::RouteParams& /*params*/, const Staff& staff) {
  auto form = AdminForm::Parse(request);
  if (!form.ok()) return ErrorPage(context, request, 400);
  const http::MultipartPart* file = form->File("file");
  if (file == nullptr) return AdminSeeOther("/admin/sources?done=opml_none");
  auto subs = ingest::opml::ParseOpml(file->body);
  if (!subs.ok()) return AdminSeeOther("/admin/sources?done=opml_refused");
  int added = 0, present = 0, skipped = subs->skipped;
  for (const model::NewSource& source : subs->sources) {
    auto id = AddCheckedSource(context, source);
    if (id.ok()) {
      ++added;
    } else if (id.error().code == ErrorCode::kAlreadyExists) {
      ++present;
    } else if (id.error().code == ErrorCode::kInvalidArgument ||
               id.error().code == ErrorCode::kTooLarge) {
      ++skipped;
    } else {
      return AdminErrorPage(context, request, id.error(), "opml import");
    }
  }
  spdlog::info("web: opml import by account {}: {} added, {} present, {} skipped",
               staff.principal.user_id, added, present, skipped);
  return AdminSeeOther("/admin/sources?done=opml_imported&added=" + std::to_string(added) +
                       "&present=" + std::to_string(present) +
                       "&skipped=" + std::to_string(skipped));
}

}  // namespace warta::web
