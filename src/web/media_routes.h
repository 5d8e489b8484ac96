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
#include "web/request/staff.h"

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
// POST /api/v1/admin/media (multipart/form-data: file, alt), bound through AdminRoute for
// editors (web/newsroom_routes.h: Bearer token, or a session with the CSRF token as the
// X-CSRF-Token header or the form's csrf_token part): 201 {"id", "url", "width", "height",
// "srcset"}; JSON {"error"} with 400 (not multipart, no file), 401/403 (RunAdmin), 413 (over
// media.max_upload_bytes), 422 (not a picture warta takes, or one that does not decode), 503
// (busy: Retry-After).
http::Response MediaUpload(Context& context, const http::Request& request,
                           const http::RouteParams& params, const Staff& staff);

}  // namespace warta::web
