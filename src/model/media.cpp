#include "model/media.h"

#include "model/enum_text.h"

namespace warta::model {
namespace {

constexpr std::array<std::string_view, 5> kTexts = {"jpeg", "png", "gif", "webp", "heic"};
constexpr std::array<std::string_view, 5> kExtensions = {"jpg", "png", "gif", "webp", "heic"};
constexpr std::array<std::string_view, 5> kMimeTypes = {"image/jpeg", "image/png", "image/gif",
                                                        "image/webp", "image/heic"};

}  // namespace

std::string_view ToText(ImageFormat format) { return enum_text::ToText(kTexts, format); }

std::optional<ImageFormat> ParseImageFormat(std::string_view text) {
  return enum_text::Parse<ImageFormat>(kTexts, text);
}

std::string_view FileExtension(ImageFormat format) {
  return enum_text::ToText(kExtensions, format);
}

std::string_view MimeType(ImageFormat format) { return enum_text::ToText(kMimeTypes, format); }

}  // namespace warta::model
