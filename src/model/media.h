// Pictures as stored: an image taken in (an editor's upload, later a feed's picture) and the
// renditions made from it. media/ makes them (decoding, resizing, files); storage keeps the
// rows; pages link the renditions. No I/O here. Design: docs/decisions/0010-pictures.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace warta::model {

// The formats warta reads (sources) and writes (renditions: WebP and JPEG only).
enum class ImageFormat {
  kJpeg,
  kPng,
  kGif,
  kWebp,
  kHeic,  // HEIF with HEVC pictures (iPhone photos), read when libvips has a heif loader
};

// "jpeg", "png", "gif", "webp", "heic": the stored words.
std::string_view ToText(ImageFormat format);
std::optional<ImageFormat> ParseImageFormat(std::string_view text);
// The file extension of the format, without the dot: "jpg", "png", "gif", "webp", "heic".
std::string_view FileExtension(ImageFormat format);
// "image/jpeg", "image/png", "image/gif", "image/webp", "image/heic".
std::string_view MimeType(ImageFormat format);

// One rendition: a re-encoded, resized copy that pages link. Its file name follows from the
// media's sha256, the width and the format (media/names.h).
struct MediaVariant {
  int width = 0;
  int height = 0;  // of one frame
  ImageFormat format = ImageFormat::kWebp;
  std::int64_t bytes = 0;
};

// What an intake stores. width and height are the picture's as shown (EXIF orientation
// applied; one frame of an animation).
struct NewMedia {
  std::string sha256;                       // 64 lower-case hex digits of the original bytes
  ImageFormat format = ImageFormat::kJpeg;  // of the original
  int width = 0;
  int height = 0;
  int frames = 1;          // > 1: animated
  std::int64_t bytes = 0;  // of the original
  std::string alt;         // the text alternative (for readers who cannot see it)
  std::string caption;
  std::string credit;
  std::string origin_url;                  // where ingest fetched it; "" for uploads
  std::optional<std::int64_t> created_by;  // the uploading account; none for ingest
  std::vector<MediaVariant> variants;      // at least one
};

// What an editor writes about a picture (the admin's media library).
struct MediaText {
  std::string alt;
  std::string caption;
  std::string credit;
};

struct Media : NewMedia {
  std::int64_t id = 0;
  std::int64_t created_at = 0;

  bool animated() const { return frames > 1; }
};

}  // namespace warta::model
