// Pictures for the media tests, made in the test with libvips itself (the test binaries link
// libvips; the warta binary does not) or from bytes written here. Header-only: everything
// under testing/ is for tests (docs/module-fence.md).
#pragma once

#include <vips/vips.h>
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "media/vips_library.h"

namespace warta::media::testing {

struct Unref {
  void operator()(VipsImage* image) const { g_object_unref(image); }
};
using Image = std::unique_ptr<VipsImage, Unref>;

// Loads libvips the way warta does (blocking every loader but the five it reads), so tests
// see the same libvips; then its functions are called directly.
inline void InitVips() {
  auto vips = LoadVipsLibrary();
  if (!vips.ok()) throw std::runtime_error(vips.error().ToString());
}

[[noreturn]] inline void Fail(const char* what) {
  std::string why = vips_error_buffer();
  vips_error_clear();
  throw std::runtime_error(std::string(what) + ": " + why);
}

// Runs `op(&out)` (a libvips call returning 0 on success) and owns its output image.
template <typename Op>
Image Run(const char* what, Op op) {
  VipsImage* out = nullptr;
  if (op(&out) != 0 || out == nullptr) Fail(what);
  return Image(out);
}

// An 8-bit sRGB picture from bytes (3 or 4 bands).
inline Image FromPixels(const std::vector<unsigned char>& pixels, int width, int height,
                        int bands) {
  Image image = Run("new_from_memory_copy", [&](VipsImage** out) {
    *out = vips_image_new_from_memory_copy(pixels.data(), pixels.size(), width, height, bands,
                                           VIPS_FORMAT_UCHAR);
    return 0;
  });
  return Run("copy", [&](VipsImage** out) {
    return vips_copy(image.get(), out, "interpretation", VIPS_INTERPRETATION_sRGB, nullptr);
  });
}

// Something a perceptual check can tell apart: red rises left to right, green top to
// bottom, blue in 40-pixel checks; `shift` moves the checks (frames of an animation). Grain
// (noise of +-`grain`) makes it compress like a photograph rather than a drawing.
inline Image Photo(int width, int height, int shift = 0, bool alpha = false, int grain = 10) {
  const int bands = alpha ? 4 : 3;
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * bands);
  std::uint32_t seed = 12345;
  auto noisy = [&](int v) {
    seed = seed * 1664525u + 1013904223u;
    if (grain > 0) v += static_cast<int>((seed >> 16) % (2 * grain + 1)) - grain;
    return static_cast<unsigned char>(v < 0 ? 0 : v > 255 ? 255 : v);
  };
  std::size_t i = 0;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      pixels[i++] = noisy(x * 255 / width);
      pixels[i++] = noisy(y * 255 / height);
      pixels[i++] = noisy((((x + shift) / 40 + y / 40) % 2) != 0 ? 220 : 40);
      if (alpha) pixels[i++] = static_cast<unsigned char>(x < width / 2 ? 255 : 128);
    }
  }
  return FromPixels(pixels, width, height, bands);
}

// Left half white, right half black: which way up it is shows.
inline Image HalfWhite(int width, int height) {
  std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * height * 3);
  std::size_t i = 0;
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      const unsigned char v = x < width / 2 ? 255 : 0;
      pixels[i++] = v;
      pixels[i++] = v;
      pixels[i++] = v;
    }
  }
  return FromPixels(pixels, width, height, 3);
}

inline std::string Take(void* buffer, std::size_t length) {
  std::string bytes(static_cast<const char*>(buffer), length);
  g_free(buffer);
  return bytes;
}

inline std::string SaveJpeg(VipsImage* image, int quality = 90) {
  void* buffer = nullptr;
  std::size_t length = 0;
  if (vips_jpegsave_buffer(image, &buffer, &length, "Q", quality, nullptr) != 0) Fail("jpegsave");
  return Take(buffer, length);
}

inline std::string SavePng(VipsImage* image) {
  void* buffer = nullptr;
  std::size_t length = 0;
  if (vips_pngsave_buffer(image, &buffer, &length, nullptr) != 0) Fail("pngsave");
  return Take(buffer, length);
}

inline std::string SaveWebp(VipsImage* image, int quality = 90) {
  void* buffer = nullptr;
  std::size_t length = 0;
  if (vips_webpsave_buffer(image, &buffer, &length, "Q", quality, nullptr) != 0) Fail("webpsave");
  return Take(buffer, length);
}

inline std::string SaveGif(VipsImage* image) {
  void* buffer = nullptr;
  std::size_t length = 0;
  if (vips_gifsave_buffer(image, &buffer, &length, nullptr) != 0) Fail("gifsave");
  return Take(buffer, length);
}

inline std::string SaveHeic(VipsImage* image) {
  void* buffer = nullptr;
  std::size_t length = 0;
  if (vips_heifsave_buffer(image, &buffer, &length, "compression",
                           VIPS_FOREIGN_HEIF_COMPRESSION_HEVC, nullptr) != 0)
    Fail("heifsave");
  return Take(buffer, length);
}

// An animation: `frames` Photos whose checks move, 100 ms each, looping.
inline Image Animation(int width, int height, int frames) {
  std::vector<Image> owned;
  std::vector<VipsImage*> list;
  for (int f = 0; f < frames; ++f) {
    owned.push_back(Photo(width, height, f * 20));
    list.push_back(owned.back().get());
  }
  Image strip = Run("arrayjoin", [&](VipsImage** out) {
    return vips_arrayjoin(list.data(), out, frames, "across", 1, nullptr);
  });
  Image copy = Run("copy", [&](VipsImage** out) { return vips_copy(strip.get(), out, nullptr); });
  vips_image_set_int(copy.get(), "page-height", height);
  std::vector<int> delays(static_cast<std::size_t>(frames), 100);
  vips_image_set_array_int(copy.get(), "delay", delays.data(), frames);
  vips_image_set_int(copy.get(), "loop", 0);
  return copy;
}

// Decodes what warta wrote (every frame with all_frames, for WebP and GIF).
inline Image Decode(const std::string& bytes, bool all_frames = false) {
  return Run("new_from_buffer", [&](VipsImage** out) {
    *out =
        vips_image_new_from_buffer(bytes.data(), bytes.size(), all_frames ? "n=-1" : "", nullptr);
    return 0;
  });
}

// The frame `index` of a (possibly animated) image, upright, as 32x32 grey.
inline Image Fingerprint(VipsImage* image, int index = 0) {
  const int frame_height = vips_image_get_page_height(image);
  Image frame = Run("crop", [&](VipsImage** out) {
    return vips_crop(image, out, 0, index * frame_height, vips_image_get_width(image), frame_height,
                     nullptr);
  });
  Image flat =
      Run("autorot", [&](VipsImage** out) { return vips_autorot(frame.get(), out, nullptr); });
  if (vips_image_hasalpha(flat.get())) {
    flat = Run("flatten", [&](VipsImage** out) {
      const double white[] = {255, 255, 255};
      VipsArrayDouble* background = vips_array_double_new(white, 3);
      const int rc = vips_flatten(flat.get(), out, "background", background, nullptr);
      vips_area_unref(reinterpret_cast<VipsArea*>(background));
      return rc;
    });
  }
  Image grey = Run("colourspace", [&](VipsImage** out) {
    return vips_colourspace(flat.get(), out, VIPS_INTERPRETATION_B_W, nullptr);
  });
  const double h = 32.0 / vips_image_get_width(grey.get());
  const double v = 32.0 / vips_image_get_height(grey.get());
  return Run("resize", [&](VipsImage** out) {
    return vips_resize(grey.get(), out, h, "vscale", v, nullptr);
  });
}

// Mean absolute difference of two fingerprints, 0..255: a perceptual distance.
inline double Distance(VipsImage* a, VipsImage* b) {
  Image diff = Run("subtract", [&](VipsImage** out) { return vips_subtract(a, b, out, nullptr); });
  Image abs = Run("abs", [&](VipsImage** out) { return vips_abs(diff.get(), out, nullptr); });
  double mean = 0;
  if (vips_avg(abs.get(), &mean, nullptr) != 0) throw std::runtime_error("avg");
  return mean;
}

// A minimal EXIF block (APP1 payload): Make "WartaCam", Orientation, and a GPS IFD with
// latitude 35 deg 40' N, spliced into a JPEG after its SOI marker.
inline std::string WithExif(const std::string& jpeg, int orientation) {
  std::string tiff = std::string("II*\0", 4) + std::string("\x08\0\0\0", 4);
  auto u16 = [](std::string& s, unsigned v) {
    s += static_cast<char>(v & 0xFF);
    s += static_cast<char>((v >> 8) & 0xFF);
  };
  auto u32 = [&](std::string& s, unsigned v) {
    u16(s, v & 0xFFFF);
    u16(s, v >> 16);
  };
  // IFD0 at 8: 3 entries (12 bytes each) + next-IFD offset = 2 + 36 + 4 = 42 bytes -> 50.
  const unsigned make_at = 50, gps_at = 60;
  u16(tiff, 3);
  u16(tiff, 0x010F), u16(tiff, 2), u32(tiff, 9), u32(tiff, make_at);  // Make
  u16(tiff, 0x0112), u16(tiff, 3), u32(tiff, 1), u16(tiff, static_cast<unsigned>(orientation)),
      u16(tiff, 0);                                                  // Orientation
  u16(tiff, 0x8825), u16(tiff, 4), u32(tiff, 1), u32(tiff, gps_at);  // GPS IFD
  u32(tiff, 0);
  tiff += std::string("WartaCam\0\0", 10);  // at 50, padded to 60
  // GPS IFD at 60: 2 entries -> 2 + 24 + 4 = 30 -> rationals at 90.
  u16(tiff, 2);
  u16(tiff, 0x0001), u16(tiff, 2), u32(tiff, 2), tiff += std::string("N\0\0\0", 4);
  u16(tiff, 0x0002), u16(tiff, 5), u32(tiff, 3), u32(tiff, 90);
  u32(tiff, 0);
  for (unsigned v : {35u, 1u, 40u, 1u, 0u, 1u}) u32(tiff, v);
  const std::string payload = std::string("Exif\0\0", 6) + tiff;
  std::string segment = "\xFF\xE1";
  const std::size_t length = payload.size() + 2;
  segment += static_cast<char>((length >> 8) & 0xFF);
  segment += static_cast<char>(length & 0xFF);
  return jpeg.substr(0, 2) + segment + payload + jpeg.substr(2);
}

// A PNG of one grey level, width x height, written row by row through zlib: a 20,000 x
// 20,000 one (400 megapixels) is ~400 KB.
inline std::string OneColourPng(std::uint32_t width, std::uint32_t height) {
  auto be32 = [](std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xFF);
  };
  auto chunk = [&](std::string& png, const char* type, const std::string& data) {
    be32(png, static_cast<std::uint32_t>(data.size()));
    std::string body = std::string(type, 4) + data;
    png += body;
    be32(png, static_cast<std::uint32_t>(
                  crc32(0, reinterpret_cast<const Bytef*>(body.data()), body.size())));
  };
  std::string png = "\x89PNG\r\n\x1A\n";
  std::string ihdr;
  be32(ihdr, width);
  be32(ihdr, height);
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit grey, deflate, no interlace
  chunk(png, "IHDR", ihdr);
  z_stream z{};
  deflateInit(&z, 9);
  std::string row(width + 1, '\0');  // filter byte 0, then black
  std::string idat;
  std::vector<unsigned char> out(1 << 16);
  for (std::uint32_t y = 0; y < height; ++y) {
    z.next_in = reinterpret_cast<Bytef*>(row.data());
    z.avail_in = static_cast<uInt>(row.size());
    const int flush = y + 1 == height ? Z_FINISH : Z_NO_FLUSH;
    do {
      z.next_out = out.data();
      z.avail_out = static_cast<uInt>(out.size());
      deflate(&z, flush);
      idat.append(reinterpret_cast<const char*>(out.data()), out.size() - z.avail_out);
    } while (z.avail_out == 0);
  }
  deflateEnd(&z);
  chunk(png, "IDAT", idat);
  chunk(png, "IEND", "");
  return png;
}

}  // namespace warta::media::testing
