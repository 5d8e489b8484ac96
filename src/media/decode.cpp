// Reading a picture: its header, then its pixels, with the format's own loader only.
#include <algorithm>
#include <array>
#include <string>

#include "media/sniff.h"
#include "media/vips_image.h"

namespace warta::media {
namespace {

using model::ImageFormat;

// The metadata a rendition keeps: what an animation needs. Everything else (EXIF with its
// GPS position and camera serial, XMP, IPTC, ICC, comments, the loader's notes) goes.
constexpr std::array<std::string_view, 3> kKeptFields = {"page-height", "delay", "loop"};

// The one loader for the format, lazily: only the header is read until pixels are asked for.
// Truncated or corrupt data fails the decode instead of leaving grey bands. GIF and WebP
// load every frame (n = -1). JPEGs may be shrunk by a power of two while decoding.
int Load(ImageFormat format, std::string_view bytes, VipsImage** out, int jpeg_shrink) {
  const VipsLibrary& v = Vips();
  // The loaders read the buffer and never write it; it outlives the image (Render's caller).
  void* buf = const_cast<char*>(bytes.data());  // NOLINT(cppcoreguidelines-pro-type-const-cast)
  const std::size_t len = bytes.size();
  const int access = VIPS_ACCESS_SEQUENTIAL;
  const int fail_on = VIPS_FAIL_ON_TRUNCATED;
  switch (format) {
    case ImageFormat::kJpeg:
      return v.jpegload_buffer(buf, len, out, "access", access, "fail_on", fail_on, "shrink",
                               jpeg_shrink, nullptr);
    case ImageFormat::kPng:
      return v.pngload_buffer(buf, len, out, "access", access, "fail_on", fail_on, nullptr);
    case ImageFormat::kGif:
      return v.gifload_buffer(buf, len, out, "access", access, "fail_on", fail_on, "n", -1,
                              nullptr);
    case ImageFormat::kWebp:
      return v.webpload_buffer(buf, len, out, "access", access, "fail_on", fail_on, "n", -1,
                               nullptr);
    case ImageFormat::kHeic:
      return v.heifload_buffer(buf, len, out, "access", access, "fail_on", fail_on, nullptr);
  }
  return -1;
}

Error Unreadable(ImageFormat format, const std::string& why) {
  return Error::InvalidArgument("media: the " + std::string(DisplayName(format)) +
                                " picture is truncated or corrupt and cannot be decoded (" + why +
                                ")");
}

// Block shrinking while decoding is fast but coarse: leave at least a factor of two to the
// real resize, as vips_thumbnail does. Never more than the shorter side: libvips 8.14 rounds
// the shrunk size down, and a side of 0 (a 2316x3 strip shrunk by 4) fails its own sanity
// assertion, which aborts the process (found by the media fuzzer; its input is in
// tests/fixtures/fuzz-regressions/media).
int JpegShrink(int upright_width, int target_width, int shorter_side) {
  const double factor = static_cast<double>(upright_width) / std::max(target_width, 1);
  int shrink = 1;
  if (factor >= 16) {
    shrink = 8;
  } else if (factor >= 8) {
    shrink = 4;
  } else if (factor >= 4) {
    shrink = 2;
  }
  while (shrink > 1 && shorter_side / shrink < 1) shrink /= 2;
  return shrink;
}

void DropMetadata(VipsImage* image) {
  const VipsLibrary& v = Vips();
  gchar** fields = v.image_get_fields(image);
  for (gchar** f = fields; f != nullptr && *f != nullptr; ++f) {
    const std::string_view name = *f;
    if (std::find(kKeptFields.begin(), kKeptFields.end(), name) != kKeptFields.end()) continue;
    v.image_remove(image, *f);  // the header's own fields (width, ...) are not removable: no-op
  }
  v.strfreev(fields);
}

}  // namespace

std::string TakeVipsError() {
  const VipsLibrary& v = Vips();
  std::string text = v.error_buffer();
  v.error_clear();
  std::replace(text.begin(), text.end(), '\n', ' ');
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text.empty() ? "no detail from libvips" : text;
}

Result<Header> ReadHeader(std::string_view bytes, ImageFormat format) {
  VipsImage* raw = nullptr;
  if (Load(format, bytes, &raw, 1) != 0) return Unreadable(format, TakeVipsError());
  ImagePtr image(raw);
  const VipsLibrary& v = Vips();
  Header header;
  header.width = v.image_get_width(image.get());
  const int height = v.image_get_height(image.get());
  header.frame_height = v.image_get_page_height(image.get());
  if (header.width <= 0 || header.frame_height <= 0 || height % header.frame_height != 0) {
    return Unreadable(format, "bad dimensions");
  }
  header.frames = height / header.frame_height;
  header.swaps = header.frames == 1 && v.image_get_orientation_swap(image.get()) != 0;
  return header;
}

Result<ImagePtr> DecodeMaster(std::string_view bytes, ImageFormat format, const Header& header,
                              int width) {
  const VipsLibrary& v = Vips();
  const int upright_width = header.swaps ? header.frame_height : header.width;
  const int shrink =
      format == ImageFormat::kJpeg
          ? JpegShrink(upright_width, width, std::min(header.width, header.frame_height))
          : 1;
  VipsImage* raw = nullptr;
  if (Load(format, bytes, &raw, shrink) != 0) return Unreadable(format, TakeVipsError());
  ImagePtr loaded(raw);
  // thumbnail_image: resizes every frame alike and turns the picture upright by its EXIF
  // orientation. Pictures with an embedded ICC profile, and CMYK ones (a fallback CMYK
  // profile), go through an sRGB export profile. Only those: with the operation cache off,
  // libvips builds the lcms2 transform anew for every picture (~7 ms of CPU, most of a small
  // upload's cost), also when there is no profile to convert from. The others are converted
  // by libvips' colour formulas; grey and 16-bit pictures come out as 8-bit sRGB either way
  // (thumbnail_image converts them in libvips 8.14; the colourspace call is for versions
  // that leave them as they are).
  const bool colour_managed = v.image_get_typeof(loaded.get(), VIPS_META_ICC_NAME) != 0 ||
                              v.image_get_interpretation(loaded.get()) == VIPS_INTERPRETATION_CMYK;
  const int resized =
      colour_managed ? v.thumbnail_image(loaded.get(), &raw, width, "height", VIPS_MAX_COORD,
                                         "size", VIPS_SIZE_DOWN, "export_profile", "srgb", nullptr)
                     : v.thumbnail_image(loaded.get(), &raw, width, "height", VIPS_MAX_COORD,
                                         "size", VIPS_SIZE_DOWN, nullptr);
  if (resized != 0) return Unreadable(format, TakeVipsError());
  ImagePtr upright(raw);
  if (!colour_managed && (v.image_get_format(upright.get()) != VIPS_FORMAT_UCHAR ||
                          v.image_get_interpretation(upright.get()) != VIPS_INTERPRETATION_sRGB)) {
    if (v.colourspace(upright.get(), &raw, VIPS_INTERPRETATION_sRGB, nullptr) != 0) {
      return Unreadable(format, TakeVipsError());
    }
    upright = ImagePtr(raw);
  }
  if (v.image_get_format(upright.get()) != VIPS_FORMAT_UCHAR ||
      v.image_get_interpretation(upright.get()) != VIPS_INTERPRETATION_sRGB) {
    return Error::Internal("media: libvips gave no 8-bit sRGB picture for a " +
                           std::string(model::ToText(format)));
  }
  // Decoding happens here, into memory: one pass over the source, streaming.
  ImagePtr master(v.image_copy_memory(upright.get()));
  if (!master) return Unreadable(format, TakeVipsError());
  DropMetadata(master.get());
  return master;
}

}  // namespace warta::media
