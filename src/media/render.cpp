#include "media/render.h"

#include <malloc.h>

#include <algorithm>
#include <cstdio>

#include "media/sniff.h"
#include "media/vips_image.h"

namespace warta::media {

std::string SizeText(std::int64_t bytes) {
  char text[32];
  const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  if (mb >= 1 && bytes % (std::int64_t{1024} * 1024) == 0) {
    std::snprintf(text, sizeof text, "%.0f MB", mb);
  } else if (mb >= 1) {
    std::snprintf(text, sizeof text, "%.1f MB", mb);
  } else {
    std::snprintf(text, sizeof text, "%lld KB", static_cast<long long>((bytes + 1023) / 1024));
  }
  return text;
}

namespace {

std::string Megapixels(std::int64_t pixels) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f megapixels", static_cast<double>(pixels) / 1e6);
  return text;
}

// A large picture leaves freed memory in glibc's arenas; a long-running server gives it back.
struct TrimMemoryOnExit {
  TrimMemoryOnExit() = default;
  TrimMemoryOnExit(const TrimMemoryOnExit&) = delete;
  TrimMemoryOnExit& operator=(const TrimMemoryOnExit&) = delete;
  ~TrimMemoryOnExit() { malloc_trim(0); }
};

Result<void> CheckHeader(const Header& header, model::ImageFormat format,
                         const RenderOptions& options) {
  const std::int64_t pixels = std::int64_t{header.width} * header.frame_height * header.frames;
  if (pixels > options.max_pixels) {
    std::string what =
        std::to_string(header.width) + " x " + std::to_string(header.frame_height) + " pixels";
    if (header.frames > 1) what += " x " + std::to_string(header.frames) + " frames";
    return Error::TooLarge("media: the " + std::string(DisplayName(format)) + " picture is " +
                           what + " (" + Megapixels(pixels) + "); the limit is " +
                           Megapixels(options.max_pixels));
  }
  if (header.frames > options.max_frames) {
    return Error::TooLarge("media: the animation has " + std::to_string(header.frames) +
                           " frames; the limit is " + std::to_string(options.max_frames));
  }
  return Ok();
}

}  // namespace

bool CanReadHeic() {
  auto vips = LoadVipsLibrary();
  return vips.ok() && vips.value()->has_heif;
}

Result<void> CheckSize(std::int64_t size, std::int64_t max_bytes) {
  if (size <= max_bytes) return Ok();
  return Error::TooLarge("media: the file is " + SizeText(size) + "; the limit is " +
                         SizeText(max_bytes));
}

Result<Rendered> Render(std::string_view bytes, const RenderOptions& options) {
  WARTA_RETURN_IF_ERROR(CheckSize(static_cast<std::int64_t>(bytes.size()), options.max_bytes));
  const auto format = Sniff(bytes);
  if (!format) {
    return Error::InvalidArgument(
        "media: not a picture warta takes (JPEG, PNG, GIF, WebP or HEIC): this looks like " +
        DescribeUnsupported(bytes));
  }
  WARTA_ASSIGN_OR_RETURN(const VipsLibrary* vips, LoadVipsLibrary());
  if (*format == model::ImageFormat::kHeic && !vips->has_heif) {
    return Error::InvalidArgument(
        "media: HEIC pictures cannot be read on this server (libvips has no heif loader); "
        "send a JPEG");
  }
  TrimMemoryOnExit trim;
  WARTA_ASSIGN_OR_RETURN(Header header, ReadHeader(bytes, *format));
  WARTA_RETURN_IF_ERROR(CheckHeader(header, *format, options));

  Rendered rendered;
  rendered.format = *format;
  rendered.width = header.swaps ? header.frame_height : header.width;
  rendered.height = header.swaps ? header.width : header.frame_height;
  rendered.frames = header.frames;
  const int largest = options.widths.empty() ? rendered.width : options.widths.back();
  WARTA_ASSIGN_OR_RETURN(ImagePtr master,
                         DecodeMaster(bytes, *format, header, std::min(rendered.width, largest)));
  WARTA_ASSIGN_OR_RETURN(
      rendered.renditions,
      EncodeRenditions(master.get(), options, static_cast<std::int64_t>(bytes.size())));
  return rendered;
}

}  // namespace warta::media
