// Pictures on the web (docs/decisions/0010-pictures.md): GET /media/{shard}/{name} serves a
// rendition; POST /api/v1/admin/media takes an upload (docs/api.md). Registered by one call
// in routes.cpp; both answer as if absent (404, 503) on a server without Context::media.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "http/message.h"
#include "http/router/router.h"
#include "media/file_cache.h"
#include "media/library.h"
#include "web/context.h"

namespace warta::web {

inline constexpr std::string_view kMediaUploadPath = "/api/v1/admin/media";

// What the media routes use; built by `serve`.
struct MediaServices {
  media::MediaLibrary& library;
  media::FileCache& files;
};

void AddMediaRoutes(http::Router& router, Context& context);

// GET /media/{shard}/{name}: the rendition file, immutable; 404 for any other name.
http::Response MediaFile(Context& context, const http::Request& request,
                         const http::RouteParams& params);
// POST /api/v1/admin/media (multipart/form-data: file, alt): 201 {"id", "url", "width",
// "height", "srcset"}; JSON {"error"} with 400 (not multipart, no file), 401/403
// (DecideUploader), 413 (over media.max_upload_bytes), 422 (not a picture warta takes, or one
// that does not decode), 503 (busy: Retry-After).
http::Response MediaUpload(Context& context, const http::Request& request,
                           const http::RouteParams& params);

// Who may upload: the one place that decides. An editor or admin, by an Admin API Bearer
// token (CONTRACT §6: no CSRF token needed) or by a session whose request carries the
// session's CSRF token (X-CSRF-Token, or a csrf_token form field): the staff resolution of
// the Admin API (web/request/staff.h IdentifyStaff).
struct UploadDecision {
  int status = 0;            // 0: allowed; else 401 (anonymous, bad token) or 403
  std::string message;       // why not, for {"error"}
  std::int64_t user_id = 0;  // the uploader, when allowed
};
UploadDecision DecideUploader(Context& context, const http::Request& request,
                              std::string_view form_csrf_token);

}  // namespace warta::web
