#include "media/names.h"

#include <algorithm>

namespace warta::media {
namespace {

bool IsLowerHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

}  // namespace

std::string_view ShardOf(std::string_view sha256) { return sha256.substr(0, 2); }

std::string RenditionName(std::string_view sha256, int width, model::ImageFormat format) {
  return std::string(sha256) + "-" + std::to_string(width) + "." +
         std::string(model::FileExtension(format));
}

std::string RenditionUrl(std::string_view sha256, int width, model::ImageFormat format) {
  return "/media/" + std::string(ShardOf(sha256)) + "/" + RenditionName(sha256, width, format);
}

std::string OriginalName(std::string_view sha256, model::ImageFormat format) {
  return std::string(sha256) + "." + std::string(model::FileExtension(format));
}

std::optional<model::ImageFormat> RenditionFormat(std::string_view shard, std::string_view name) {
  constexpr std::size_t kHex = 64;
  if (shard.size() != 2 || name.size() < kHex + 2 || name.substr(0, 2) != shard) {
    return std::nullopt;
  }
  if (!std::all_of(name.begin(), name.begin() + kHex, IsLowerHex) || name[kHex] != '-') {
    return std::nullopt;
  }
  std::string_view rest = name.substr(kHex + 1);
  const std::size_t dot = rest.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 4 || rest[0] == '0') return std::nullopt;
  if (!std::all_of(rest.begin(), rest.begin() + static_cast<std::ptrdiff_t>(dot),
                   [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  const std::string_view extension = rest.substr(dot + 1);
  if (extension == "webp") return model::ImageFormat::kWebp;
  if (extension == "jpg") return model::ImageFormat::kJpeg;
  return std::nullopt;
}

std::string Srcset(const model::Media& media, model::ImageFormat format) {
  std::string srcset;
  for (const model::MediaVariant& v : media.variants) {
    if (v.format != format) continue;
    if (!srcset.empty()) srcset += ", ";
    srcset += RenditionUrl(media.sha256, v.width, format) + " " + std::to_string(v.width) + "w";
  }
  return srcset;
}

const model::MediaVariant* FallbackVariant(const model::Media& media) {
  const model::MediaVariant* widest = nullptr;
  for (const model::MediaVariant& v : media.variants) {
    if (v.format == model::ImageFormat::kJpeg && (widest == nullptr || v.width > widest->width)) {
      widest = &v;
    }
  }
  return widest;
}

}  // namespace warta::media
