// GET and POST /api/v1/admin/sources.opml: every source out as OPML 2.0, and the feeds of an
// OPML file in (ingest/opml/opml.h; the same as `warta opml export` and `opml import`).
#include <utility>

#include "core/ascii.h"
#include "ingest/opml/opml.h"
#include "storage/source_store.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/admin_support.h"
#include "web/source_check.h"

namespace warta::web::admin_api {
namespace {

constexpr std::size_t kMaxReportedProblems = 50;

bool IsOpmlContentType(std::string_view type) {
  type = ascii::Trim(type.substr(0, type.find(';')));
  for (std::string_view accepted : {"text/x-opml", "application/xml", "text/xml",
                                    "application/x-opml+xml", "application/octet-stream"}) {
    if (ascii::EqualsIgnoreCase(type, accepted)) return true;
  }
  return false;
}

}  // namespace

Response ExportOpml(Context& context, const Request& /*request*/, const RouteParams& /*params*/,
                    const Staff& /*staff*/) {
  const std::int64_t now = context.clock.NowUnix();
  auto sources = context.store.sources().List(now);
  if (!sources.ok()) return ErrorReply(sources.error());
  Response response;
  response.content_type = "text/x-opml; charset=utf-8";
  response.body = ingest::opml::WriteOpml(*sources, context.site->settings().name, now);
  response.SetHeader("Content-Disposition", "attachment; filename=\"sources.opml\"");
  return response;
}

Response ImportOpml(Context& context, const Request& request, const RouteParams& /*params*/,
                    const Staff& staff) {
  if (!IsOpmlContentType(request.Header("content-type"))) {
    return ErrorReply(415, "send the OPML file as text/x-opml (or application/xml)");
  }
  auto subscriptions = ingest::opml::ParseOpml(request.body);
  if (!subscriptions.ok()) return ErrorReply(subscriptions.error());
  int added = 0;
  int present = 0;
  int skipped = subscriptions->skipped;
  Json problems = Json::array();
  for (const model::NewSource& source : subscriptions->sources) {
    auto id = AddCheckedSource(context, source);
    if (id.ok()) {
      ++added;
    } else if (id.error().is(ErrorCode::kAlreadyExists)) {
      ++present;
    } else if (id.error().is(ErrorCode::kInvalidArgument) || id.error().is(ErrorCode::kTooLarge)) {
      ++skipped;
      if (problems.size() < kMaxReportedProblems) {
        problems.push_back({{"url", source.url.substr(0, 200)}, {"error", id.error().message}});
      }
    } else {
      // The store failed: what was added stays (each add is its own transaction).
      return ErrorReply(id.error());
    }
  }
  // One entry for the whole file: an import of thousands of feeds is one decision.
  AppendAudit(context,
              Audit(context, staff, "source.import", "source", 0,
                    "OPML: " + std::to_string(added) + " added, " + std::to_string(present) +
                        " already present, " + std::to_string(skipped) + " skipped"));
  return JsonReply(200, {{"added", added},
                         {"present", present},
                         {"skipped", skipped},
                         {"problems", std::move(problems)}});
}

}  // namespace warta::web::admin_api
