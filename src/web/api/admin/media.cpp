// /api/v1/admin/media: the picture library. Authors list it (the lead-image picker); editors
// write a picture's alt text, caption and credit. The upload is POST /api/v1/admin/media
// (web/api/media_upload.cpp).
#include <utility>

#include "core/limits.h"
#include "media/media_json.h"
#include "storage/media_store.h"
#include "web/api/admin/admin_api.h"
#include "web/api/admin/admin_support.h"

namespace warta::web::admin_api {
namespace {

constexpr int kMaxMediaPage = 100;          // the store's bound
constexpr std::size_t kMaxTextChars = 500;  // well inside limits::kMaxMediaTextBytes

Json MediaJson(const model::Media& m) {
  // The upload's answer (url, width, height, srcset) plus what the library shows.
  Json body = Json::parse(media::UploadJson(m), nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) body = {{"id", m.id}};
  body["alt"] = m.alt;
  body["caption"] = m.caption;
  body["credit"] = m.credit;
  body["format"] = model::ToText(m.format);
  body["original_width"] = m.width;
  body["original_height"] = m.height;
  body["bytes"] = m.bytes;
  body["created"] = TimeJson(m.created_at);
  return body;
}

}  // namespace

Response ListMedia(Context& context, const Request& request, const RouteParams& /*params*/,
                   const Staff& /*staff*/) {
  // Newest first: the cursor is the id the next page starts below (0: the newest).
  ListParams page = ReadLimitAndIdCursor(request, 30, kMaxMediaPage);
  if (page.refusal) return std::move(*page.refusal);
  auto media = context.store.media().ListBefore(page.cursor, page.limit);
  if (!media.ok()) return ErrorReply(media.error());
  return IdPageReply("media", *media, page.limit, MediaJson);
}

Response UpdateMedia(Context& context, const Request& request, const RouteParams& params,
                     const Staff& staff) {
  auto id = IdParam(params, "id");
  if (!id) return ErrorReply(404, "no such picture");
  auto found = context.store.media().FindById(*id);
  if (!found.ok()) return ErrorReply(found.error());
  JsonBody body = ReadJsonObject(request);
  if (body.refusal) return std::move(*body.refusal);
  Fields fields(body.object, "media_error_");
  model::MediaText text{found->alt, found->caption, found->credit};
  if (auto alt = fields.Text("alt", kMaxTextChars, false)) text.alt = *alt;
  if (auto caption = fields.Text("caption", kMaxTextChars, false)) text.caption = *caption;
  if (auto credit = fields.Text("credit", kMaxTextChars, false)) text.credit = *credit;
  if (!fields.ok()) return fields.Refusal();
  auto updated = context.store.media().UpdateText(
      *id, text, Audit(context, staff, "media.update", "media", *id, text.alt));
  if (!updated.ok()) return ErrorReply(updated.error());
  model::Media media = std::move(found).value();
  media.alt = text.alt;
  media.caption = text.caption;
  media.credit = text.credit;
  return JsonReply(200, MediaJson(media));
}

}  // namespace warta::web::admin_api
