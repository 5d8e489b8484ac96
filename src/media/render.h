// Intake of one picture: bytes in, renditions out, or a clear refusal. Pure computation (no
// files, no database); media/library.h stores what this makes. The steps and their reasons:
// docs/decisions/0010-pictures.md ("Intake").
//
// 1. size: over max_bytes is TooLarge, before anything is parsed;
// 2. format by content (media/sniff.h), never by name: anything but JPEG, PNG, GIF, WebP and
//    (when libvips can read it) HEIC is InvalidArgument naming what it looks like;
// 3. the header alone (no pixels decoded): width x height x frames over max_pixels, or more
//    than max_frames frames, is TooLarge; a decompression bomb never allocates;
// 4. decode with the format's own loader (every other libvips loader is blocked), failing on
//    truncated or corrupt data (InvalidArgument), turned upright by its EXIF orientation,
//    converted to 8-bit sRGB (CMYK, 16-bit, grey and ICC profiles), every piece of metadata
//    dropped (EXIF, GPS, XMP, IPTC, ICC);
// 5. re-encoded, so no byte of the upload is ever served: for each width in `widths` not above
//    the picture's (its own width when narrower than the smallest), a WebP and a JPEG.
//    Animated GIF and WebP stay animated as WebP; their JPEG is the first frame. A rendition
//    heavier than the original is encoded again at the next lower quality; one still heavier
//    at the lowest is left out, except the smallest of its format (a few-KB original of flat
//    colour may have no lighter JPEG).
//
// Errors: as above; Unavailable when libvips cannot be loaded; Internal when libvips fails
// on a picture it had accepted.
// Threads: may be called from any thread; the caller bounds how many run at once (libvips
// takes up to ~4 bytes per pixel of the largest rendition's source, media/gate.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/limits.h"
#include "core/result.h"
#include "model/media.h"

namespace warta::media {

struct RenderOptions {
  std::int64_t max_bytes = limits::kDefaultMaxUploadBytes;
  std::int64_t max_pixels = limits::kDefaultMaxImagePixels;
  int max_frames = limits::kMaxAnimationFrames;
  std::vector<int> widths = {320, 640, 960, 1280, 1920};  // ascending
  // Tried in order until a rendition is no heavier than the original.
  std::vector<int> webp_qualities = {78, 70, 60};
  std::vector<int> jpeg_qualities = {80, 70, 60};
};

struct Rendition {
  model::MediaVariant variant;
  std::string bytes;
};

struct Rendered {
  model::ImageFormat format = model::ImageFormat::kJpeg;  // of the original
  int width = 0;                                          // upright, one frame
  int height = 0;                                         // of one frame
  int frames = 1;
  std::vector<Rendition> renditions;  // by width, the WebP before the JPEG of each
};

Result<Rendered> Render(std::string_view bytes, const RenderOptions& options);

// "20 MB", "1.5 MB", "812 KB": a size as an editor reads it (MB = 2^20 bytes).
std::string SizeText(std::int64_t bytes);

// Step 1 alone, for callers that know the size before they have the bytes: TooLarge "media:
// the file is 30 MB; the limit is 20 MB" when size > max_bytes.
Result<void> CheckSize(std::int64_t size, std::int64_t max_bytes);

// Whether this libvips reads HEIC (loads libvips first; false when it cannot be loaded).
bool CanReadHeic();

}  // namespace warta::media
