#include "media/media_json.h"

#include <nlohmann/json.hpp>

#include "media/names.h"

namespace warta::media {

std::string UploadJson(const model::Media& media) {
  nlohmann::ordered_json out = {{"id", media.id}};
  const model::MediaVariant* fallback = FallbackVariant(media);
  if (fallback != nullptr) {
    out["url"] = RenditionUrl(media.sha256, fallback->width, fallback->format);
    out["width"] = fallback->width;
    out["height"] = fallback->height;
  } else {
    out["url"] = nullptr;
    out["width"] = media.width;
    out["height"] = media.height;
  }
  out["srcset"] = Srcset(media, model::ImageFormat::kWebp);
  return out.dump();
}

}  // namespace warta::media
