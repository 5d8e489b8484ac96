// POST /api/v1/admin/media: an editor's picture upload (docs/api.md). The server let the body
// in only up to media.max_upload_bytes (+ room for the form: http/server/server.h
// UploadRoute); everything about the picture itself is media::MediaLibrary's.
#include <spdlog/spdlog.h>

#include "core/clock.h"
#include "http/multipart.h"
#include "media/media_json.h"
#include "storage/audit_store.h"
#include "web/handlers.h"
#include "web/media_routes.h"
#include "web/request/staff.h"

namespace warta::web {
namespace {

constexpr std::string_view kFileField = "file";
constexpr std::string_view kAltField = "alt";

int StatusFor(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
      return 422;  // a well-formed request whose picture is refused
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

}  // namespace

http::Response MediaUpload(Context& context, const http::Request& request,
                           const http::RouteParams& /*params*/, const Staff& staff) {
  // RunAdmin has answered 401/403 (role, CSRF token: header or the form's part) already.
  if (context.media == nullptr) return ApiError(503, "this server takes no pictures");
  auto boundary = http::MultipartBoundary(request.Header("content-type"));
  Result<std::vector<http::MultipartPart>> parts =
      boundary.ok() ? http::ParseMultipart(request.body, *boundary) : boundary.error();
  if (!parts.ok()) return ApiError(400, parts.error().message);

  const http::MultipartPart* file = http::FindPart(*parts, kFileField);
  if (file == nullptr || file->body.empty()) {
    return ApiError(400, "no picture: send it as the form field 'file'");
  }
  media::MediaLibrary& library = context.media->library;
  if (auto size = media::CheckSize(static_cast<std::int64_t>(file->body.size()),
                                   library.options().render.max_bytes);
      !size.ok()) {
    return ApiError(413, size.error().message);
  }
  media::PictureInfo info;
  if (const http::MultipartPart* alt = http::FindPart(*parts, kAltField)) {
    info.alt = std::string(alt->body);
  }
  info.created_by = staff.principal.user_id;
  auto stored = library.Add(file->body, info);
  if (!stored.ok()) {
    const int status = StatusFor(stored.error());
    if (status == 500) {
      spdlog::error("web: upload by account {}: {}", staff.principal.user_id,
                    stored.error().ToString());
      return ApiError(500, "the picture could not be stored; try again");
    }
    http::Response response = ApiError(status, stored.error().message);
    if (status == 503) response.SetHeader("Retry-After", "5");
    return response;
  }
  spdlog::info("media: picture {} ({} renditions) uploaded by account {}", stored->id,
               stored->variants.size(), staff.principal.user_id);
  // The media store takes no audit entry of its own (storage/audit_store.h).
  model::AuditEntry audit{0,
                          context.clock.NowUnix(),
                          staff.principal.user_id,
                          "",
                          "media.upload",
                          "media",
                          stored->id,
                          std::to_string(stored->width) + "x" + std::to_string(stored->height) +
                              " " + std::string(model::ToText(stored->format))};
  if (auto logged = context.store.audit().Append(audit); !logged.ok()) {
    spdlog::error("web: upload {} not audited: {}", stored->id, logged.error().ToString());
  }
  return http::JsonResponse(201, media::UploadJson(*stored));
}

}  // namespace warta::web
