// /api/v1/admin/sources: the feeds ingest reads, with their health; editors add, edit,
// disable them, hold their new items for review (the inbox) and fetch one now. The store
// takes no audit entry for sources: each change appends its own (storage/audit_store.h).
#include <utility>

#include "model/source.h"
#include "storage/source_store.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/admin_support.h"
#include "web/api/admin/source_json.h"
#include "web/source_check.h"

namespace warta::web::admin_api {
namespace {

// The settings of `fields` over `source` (a new one, or the stored settings).
void ApplySettings(Fields& fields, model::NewSource& source) {
  if (auto v = fields.String("name")) source.name = *v;
  if (auto v = fields.String("site_url")) source.site_url = *v;
  if (auto v = fields.String("lang")) source.lang = *v;
  if (auto v = fields.String("time_zone")) source.time_zone = *v;
  if (auto v = fields.String("category")) source.category = *v;
  if (auto v = fields.Int("refresh_minutes")) {
    if (*v < 0 || *v > model::kMaxRefreshMinutes) {
      fields.Problem("refresh_minutes",
                     "must be between 0 and " + std::to_string(model::kMaxRefreshMinutes));
    } else {
      source.refresh_minutes = static_cast<int>(*v);
    }
  }
  if (auto v = fields.Bool("full_text")) source.full_text = *v;
  if (auto v = fields.Bool("enabled")) source.enabled = *v;
  if (auto v = fields.Bool("review")) source.review = *v;
  if (auto v = fields.String("canonical")) {
    if (auto policy = model::ParseCanonicalPolicy(*v)) {
      source.canonical = *policy;
    } else {
      fields.Problem("canonical", "is not one of self, original");
    }
  }
}

// model::ValidateNewSource's refusal ("source: 'url' must be …") with its field named.
Response InvalidSource(const Error& error) {
  const std::size_t open = error.message.find('\'');
  const std::size_t close =
      open == std::string::npos ? std::string::npos : error.message.find("' ", open + 1);
  if (close == std::string::npos) return ErrorReply(error);
  std::string field = error.message.substr(open + 1, close - open - 1);
  std::string key = "source_error_" + field;
  return FieldsReply("source",
                     {{std::move(field), error.message.substr(close + 2), key, error.code}});
}

}  // namespace

Response ListSources(Context& context, const Request& /*request*/, const RouteParams& /*params*/,
                     const Staff& /*staff*/) {
  auto sources = context.store.sources().List(context.clock.NowUnix());
  if (!sources.ok()) return ErrorReply(sources.error());
  Json list = Json::array();
  for (const model::Source& s : *sources) list.push_back(SourceJson(s));
  return JsonReply(200, {{"sources", std::move(list)}});
}

Response AddSource(Context& context, const Request& request, const RouteParams& /*params*/,
                   const Staff& staff) {
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "source_error_");
  model::NewSource source;
  if (auto url = fields.String("url")) {
    source.url = *url;
  } else if (fields.ok()) {
    fields.Problem("url", "is required");
  }
  ApplySettings(fields, source);
  if (!fields.ok()) return fields.Refusal();
  if (auto valid = model::ValidateNewSource(source); !valid.ok()) {
    return InvalidSource(valid.error());
  }
  auto id = AddCheckedSource(context, source);
  if (!id.ok()) {
    if (id.error().is(ErrorCode::kAlreadyExists)) {
      return FieldsReply("source", {{"url", "is a source already", "source_error_url",
                                     ErrorCode::kAlreadyExists}});
    }
    if (id.error().is(ErrorCode::kInvalidArgument) || id.error().is(ErrorCode::kTooLarge)) {
      return InvalidSource(id.error());
    }
    return ErrorReply(id.error());
  }
  AppendAudit(context, Audit(context, staff, "source.add", "source", *id, source.url));
  auto stored = context.store.sources().FindById(*id);
  if (!stored.ok()) return ErrorReply(stored.error());
  return JsonReply(201, SourceJson(*stored));
}

Response UpdateSource(Context& context, const Request& request, const RouteParams& params,
                      const Staff& staff) {
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such source");
  auto current = context.store.sources().FindById(*id);
  if (!current.ok()) return ErrorReply(current.error());
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "source_error_");
  if (auto url = fields.String("url"); url && *url != current->url) {
    fields.Problem("url", "cannot change: add the new feed as a source and disable this one");
  }
  model::NewSource settings = current->Settings();
  ApplySettings(fields, settings);
  if (!fields.ok()) return fields.Refusal();
  if (auto valid = model::ValidateNewSource(settings); !valid.ok()) {
    return InvalidSource(valid.error());
  }
  if (auto updated = context.store.sources().UpdateSettings(*id, settings); !updated.ok()) {
    return ErrorReply(updated.error());
  }
  AppendAudit(context, Audit(context, staff, "source.update", "source", *id,
                             current->DisplayName() + ": " + SettingsSummary(settings)));
  auto stored = context.store.sources().FindById(*id);
  if (!stored.ok()) return ErrorReply(stored.error());
  return JsonReply(200, SourceJson(*stored));
}

Response FetchSource(Context& context, const Request& /*request*/, const RouteParams& params,
                     const Staff& staff) {
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such source");
  auto source = context.store.sources().FindById(*id);
  if (!source.ok()) return ErrorReply(source.error());
  if (!source->enabled) return ErrorReply(409, "the source is disabled: enable it first");
  if (!context.fetch_source_now) {
    return ErrorReply(503, "this server does not ingest (ingest.enabled is off)");
  }
  if (auto queued = context.fetch_source_now(*id); !queued.ok()) {
    // Too soon after its last fetch: 429 with the wait, which is the caller's to respect.
    if (queued.error().user_key == "fetch_too_soon") {
      std::string message = queued.error().message;
      if (message.rfind("ingest: ", 0) == 0) message.erase(0, 8);
      return ErrorReply(429, message);
    }
    return ErrorReply(queued.error());
  }
  AppendAudit(context, Audit(context, staff, "source.fetch", "source", *id, source->DisplayName()));
  // Fetched on the ingest thread: its health shows the outcome (GET /sources).
  return JsonReply(202, {{"id", *id}, {"queued", true}});
}

}  // namespace warta::web::admin_api
