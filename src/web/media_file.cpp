// GET /media/{shard}/{name}: a rendition, from memory (media/file_cache.h). Only exact
// rendition names are served (media/names.h): originals, temporary files and anything else
// under media.dir never are. The names are content-addressed, so responses are immutable.
#include <spdlog/spdlog.h>

#include "media/names.h"
#include "web/media_routes.h"
#include "web/newsroom_routes.h"

namespace warta::web {
namespace {

http::Response NotFound() {
  http::Response response = http::TextResponse(404, "Not Found\n");
  response.SetHeader("Cache-Control", "no-store");
  response.SetHeader("X-Content-Type-Options", "nosniff");
  return response;
}

}  // namespace

http::Response MediaFile(Context& context, const http::Request& /*request*/,
                         const http::RouteParams& params) {
  const std::string_view shard = params.Get("shard");
  const std::string_view name = params.Get("name");
  const auto format = media::RenditionFormat(shard, name);
  if (!format || context.media == nullptr) return NotFound();
  auto data = context.media->files.Get(shard, name);
  if (!data.ok()) {
    if (!data.error().is(ErrorCode::kNotFound)) {
      spdlog::error("web: /media/{}/{}: {}", shard, name, data.error().ToString());
    }
    return NotFound();
  }
  http::Response response;
  response.status = 200;
  response.content_type = std::string(model::MimeType(*format));
  response.shared_body = std::move(data).value();
  response.compressible = false;  // WebP and JPEG are compressed already
  response.SetHeader("Cache-Control", "public, max-age=31536000, immutable");
  response.SetHeader("ETag", "\"" + std::string(name) + "\"");
  response.SetHeader("X-Content-Type-Options", "nosniff");
  // Opened as a document (never, for an image), it runs nothing and loads nothing.
  response.SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  return response;
}

void AddMediaRoutes(http::Router& router, Context& context) {
  Context* c = &context;
  router.Add(http::Method::kGet, "/media/{shard}/{name}", "media",
             [c](const http::Request& request, const http::RouteParams& params) {
               return MediaFile(*c, request, params);
             });
  router.Add(http::Method::kPost, kMediaUploadPath, "api_admin_media",
             AdminRoute(context, model::Role::kEditor, AdminSurface::kApi, MediaUpload));
}

}  // namespace warta::web
