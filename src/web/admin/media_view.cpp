#include "web/admin/media_view.h"

#include <spdlog/spdlog.h>

#include <string>

#include "media/library.h"
#include "media/names.h"
#include "media/render.h"
#include "web/media_routes.h"

namespace warta::web {

view::Data MediaItemData(const model::Media& m) {
  view::Data item;
  item.set("id", std::to_string(m.id));
  const model::MediaVariant* thumb = nullptr;
  for (const model::MediaVariant& v : m.variants) {  // by width, WebP first
    if (v.format == model::ImageFormat::kWebp) {
      thumb = &v;
      break;
    }
  }
  const model::MediaVariant* fallback = media::FallbackVariant(m);
  if (thumb == nullptr) thumb = fallback;
  if (thumb != nullptr) {
    item.set("thumb_url", media::RenditionUrl(m.sha256, thumb->width, thumb->format));
    item.set("thumb_width", std::to_string(thumb->width));
    item.set("thumb_height", std::to_string(thumb->height));
  }
  if (fallback != nullptr) {
    item.set("url", media::RenditionUrl(m.sha256, fallback->width, fallback->format));
  }
  item.set("width", std::to_string(m.width));
  item.set("height", std::to_string(m.height));
  item.set("alt", m.alt);
  item.set("caption", m.caption);
  item.set("credit", m.credit);
  item.set("edit_path", "/admin/media/" + std::to_string(m.id));
  return item;
}

Result<model::Media> StorePicture(Context& context, const Staff& staff,
                                  const http::MultipartPart& file, const PictureTexts& texts) {
  if (context.media == nullptr) {
    return Error::Unavailable("admin: this server takes no pictures (no media library)");
  }
  media::MediaLibrary& library = context.media->library;
  WARTA_RETURN_IF_ERROR(media::CheckSize(static_cast<std::int64_t>(file.body.size()),
                                         library.options().render.max_bytes));
  media::PictureInfo info;
  info.alt = texts.alt;
  info.caption = texts.caption;
  info.credit = texts.credit;
  info.created_by = staff.principal.user_id;
  auto stored = library.Add(file.body, info);
  if (stored.ok()) {
    spdlog::info("media: picture {} uploaded in the admin by account {}", stored->id,
                 staff.principal.user_id);
  } else if (stored.error().code != ErrorCode::kInvalidArgument &&
             stored.error().code != ErrorCode::kTooLarge) {
    spdlog::error("web: admin upload by account {}: {}", staff.principal.user_id,
                  stored.error().ToString());
  }
  return stored;
}

std::string PictureErrorText(const Site& site, const Error& error) {
  std::string_view key = "admin_media_error_refused";
  if (error.code == ErrorCode::kTooLarge) key = "admin_media_error_too_large";
  if (error.code == ErrorCode::kUnavailable) key = "admin_media_error_busy";
  if (error.code != ErrorCode::kInvalidArgument && error.code != ErrorCode::kTooLarge &&
      error.code != ErrorCode::kUnavailable) {
    return site.T("admin_media_error_busy");
  }
  // The library's words name the limit or the format ("the file is 30 MB; the limit is
  // 20 MB"); they are English, after the localized sentence.
  return site.T(key) + " (" + error.message + ")";
}

}  // namespace warta::web
