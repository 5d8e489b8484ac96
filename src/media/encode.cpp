// Writing the renditions of a decoded picture: WebP (animated when the picture is) and JPEG
// per width, each no heavier than the original where a lower quality can make it so.
#include <optional>
#include <string>

#include "media/container_metadata.h"
#include "media/vips_image.h"

namespace warta::media {
namespace {

using model::ImageFormat;

// Takes a buffer libvips allocated.
std::string TakeBuffer(void* buffer, std::size_t length) {
  std::string bytes(static_cast<const char*>(buffer), length);
  Vips().free(buffer);
  return bytes;
}

// effort 4: libwebp's default speed/size balance. The master has no metadata left; the saver
// is told to strip, and the container is cleaned after it (media/container_metadata.h).
Result<std::string> EncodeWebp(VipsImage* image, int quality) {
  void* buffer = nullptr;
  std::size_t length = 0;
  if (Vips().webpsave_buffer(image, &buffer, &length, "Q", quality, "strip", TRUE, "effort", 4,
                             nullptr) != 0) {
    return Error::Internal("media: WebP encoding failed: " + TakeVipsError());
  }
  return StripWebpMetadata(TakeBuffer(buffer, length));
}

// Progressive with optimized Huffman tables: smaller, and shows early on slow links. Chroma
// is subsampled 4:2:0 (libvips' choice below quality 90).
Result<std::string> EncodeJpeg(VipsImage* image, int quality) {
  void* buffer = nullptr;
  std::size_t length = 0;
  if (Vips().jpegsave_buffer(image, &buffer, &length, "Q", quality, "strip", TRUE, "interlace",
                             TRUE, "optimize_coding", TRUE, nullptr) != 0) {
    return Error::Internal("media: JPEG encoding failed: " + TakeVipsError());
  }
  return StripJpegMetadata(TakeBuffer(buffer, length));
}

// The first of `qualities` whose encoding is no heavier than `budget`; when none is, the
// lightest when `keep_anyway`, else nullopt.
template <typename Encode>
Result<std::optional<std::string>> Fit(Encode encode, const std::vector<int>& qualities,
                                       std::int64_t budget, bool keep_anyway) {
  std::optional<std::string> lightest;
  for (int quality : qualities) {
    WARTA_ASSIGN_OR_RETURN(std::string bytes, encode(quality));
    if (static_cast<std::int64_t>(bytes.size()) <= budget) return std::optional(std::move(bytes));
    if (!lightest || bytes.size() < lightest->size()) lightest = std::move(bytes);
  }
  if (keep_anyway) return lightest;
  return std::optional<std::string>();
}

// JPEG has no alpha and no frames: the first frame, on white.
Result<ImagePtr> JpegFrame(VipsImage* image) {
  const VipsLibrary& v = Vips();
  VipsImage* raw = nullptr;
  const int width = v.image_get_width(image);
  const int frame_height = v.image_get_page_height(image);
  if (v.crop(image, &raw, 0, 0, width, frame_height, nullptr) != 0) {
    return Error::Internal("media: cannot take the first frame: " + TakeVipsError());
  }
  ImagePtr frame(raw);
  if (v.image_hasalpha(frame.get()) == 0) return frame;
  const double white[] = {255, 255, 255};
  VipsArrayDouble* background = v.array_double_new(white, 3);
  const int failed = v.flatten(frame.get(), &raw, "background", background, nullptr);
  v.area_unref(reinterpret_cast<VipsArea*>(background));
  if (failed != 0) return Error::Internal("media: cannot flatten the alpha: " + TakeVipsError());
  return ImagePtr(raw);
}

// The master at `width` (every frame alike), in memory: encoded once or more per format.
Result<ImagePtr> Resize(VipsImage* master, int width) {
  const VipsLibrary& v = Vips();
  VipsImage* raw = nullptr;
  if (v.thumbnail_image(master, &raw, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN,
                        "no_rotate", TRUE, nullptr) != 0) {
    return Error::Internal("media: resizing failed: " + TakeVipsError());
  }
  ImagePtr lazy(raw);
  ImagePtr sized(v.image_copy_memory(lazy.get()));
  if (!sized) return Error::Internal("media: resizing failed: " + TakeVipsError());
  return sized;
}

}  // namespace

Result<std::vector<Rendition>> EncodeRenditions(VipsImage* master, const RenderOptions& options,
                                                std::int64_t source_bytes) {
  const VipsLibrary& v = Vips();
  const int master_width = v.image_get_width(master);
  std::vector<int> widths;
  for (int w : options.widths) {
    if (w <= master_width) widths.push_back(w);
  }
  if (widths.empty()) widths.push_back(master_width);

  std::vector<Rendition> renditions;
  bool have_webp = false;
  bool have_jpeg = false;
  for (int width : widths) {
    ImagePtr resized;
    VipsImage* sized = master;
    if (width != master_width) {
      WARTA_ASSIGN_OR_RETURN(resized, Resize(master, width));
      sized = resized.get();
    }
    const int frame_height = v.image_get_page_height(sized);
    WARTA_ASSIGN_OR_RETURN(auto webp, Fit([&](int q) { return EncodeWebp(sized, q); },
                                          options.webp_qualities, source_bytes, !have_webp));
    if (webp) {
      const auto n = static_cast<std::int64_t>(webp->size());
      renditions.push_back({{width, frame_height, ImageFormat::kWebp, n}, std::move(*webp)});
      have_webp = true;
    }
    WARTA_ASSIGN_OR_RETURN(ImagePtr frame, JpegFrame(sized));
    WARTA_ASSIGN_OR_RETURN(auto jpeg, Fit([&](int q) { return EncodeJpeg(frame.get(), q); },
                                          options.jpeg_qualities, source_bytes, !have_jpeg));
    if (jpeg) {
      const auto n = static_cast<std::int64_t>(jpeg->size());
      renditions.push_back({{width, frame_height, ImageFormat::kJpeg, n}, std::move(*jpeg)});
      have_jpeg = true;
    }
  }
  return renditions;
}

}  // namespace warta::media
