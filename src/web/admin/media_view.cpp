#include "web/admin/media_view.h"

#include <string>

#include "media/names.h"

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

}  // namespace warta::web
