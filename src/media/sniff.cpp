#include "media/sniff.h"

#include <array>

#include "core/ascii.h"

namespace warta::media {
namespace {

using model::ImageFormat;

bool StartsWith(std::string_view bytes, std::string_view prefix) {
  return bytes.substr(0, prefix.size()) == prefix;
}

// ISO BMFF (HEIF, AVIF): a first box "ftyp" at offset 4, its major brand at 8 and the
// compatible brands after the minor version, up to the box's size.
struct Brands {
  bool heif = false;  // an HEVC brand, or a generic HEIF brand
  bool hevc = false;
  bool avif = false;
};

std::optional<Brands> FtypBrands(std::string_view bytes) {
  if (bytes.size() < 16 || bytes.substr(4, 4) != "ftyp") return std::nullopt;
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
  std::size_t size = (std::size_t{b(0)} << 24) | (std::size_t{b(1)} << 16) |
                     (std::size_t{b(2)} << 8) | std::size_t{b(3)};
  if (size < 16 || size > bytes.size()) size = std::min<std::size_t>(bytes.size(), 256);
  Brands brands;
  auto look = [&](std::string_view brand) {
    constexpr std::array<std::string_view, 6> kHevc = {"heic", "heix", "heim",
                                                       "heis", "hevc", "hevx"};
    for (std::string_view h : kHevc) brands.hevc = brands.hevc || brand == h;
    brands.heif = brands.heif || brand == "mif1" || brand == "msf1";
    brands.avif = brands.avif || brand == "avif" || brand == "avis";
  };
  look(bytes.substr(8, 4));
  for (std::size_t at = 16; at + 4 <= size; at += 4) look(bytes.substr(at, 4));
  brands.heif = brands.heif || brands.hevc;
  return brands;
}

// The start of a text file without a byte-order mark and leading space, lowered.
std::string TextStart(std::string_view bytes) {
  if (StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::size_t i = 0;
  while (i < bytes.size() && i < 512 && ascii::IsSpace(bytes[i])) ++i;
  return ascii::Lower(bytes.substr(i, 512));
}

}  // namespace

std::optional<ImageFormat> Sniff(std::string_view bytes) {
  if (StartsWith(bytes, "\xFF\xD8\xFF")) return ImageFormat::kJpeg;
  if (StartsWith(bytes, "\x89PNG\r\n\x1A\n")) return ImageFormat::kPng;
  if (StartsWith(bytes, "GIF87a") || StartsWith(bytes, "GIF89a")) return ImageFormat::kGif;
  if (bytes.size() >= 12 && StartsWith(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP") {
    return ImageFormat::kWebp;
  }
  // AVIF files often name mif1 too: an AV1 picture is not what the HEVC decoder reads.
  auto brands = FtypBrands(bytes);
  if (brands && brands->heif && (brands->hevc || !brands->avif)) return ImageFormat::kHeic;
  return std::nullopt;
}

std::string_view DisplayName(ImageFormat format) {
  switch (format) {
    case ImageFormat::kJpeg:
      return "JPEG";
    case ImageFormat::kPng:
      return "PNG";
    case ImageFormat::kGif:
      return "GIF";
    case ImageFormat::kWebp:
      return "WebP";
    case ImageFormat::kHeic:
      return "HEIC";
  }
  return "?";
}

std::string DescribeUnsupported(std::string_view bytes) {
  if (bytes.empty()) return "an empty file";
  auto brands = FtypBrands(bytes);
  if (brands && brands->avif) return "an AVIF image";
  if (StartsWith(bytes, "%PDF-")) return "a PDF document";
  if (StartsWith(bytes, std::string_view("II*\0", 4)) ||
      StartsWith(bytes, std::string_view("MM\0*", 4))) {
    return "a TIFF image";
  }
  // "BM", the file size, then four reserved zero bytes.
  if (bytes.size() >= 14 && StartsWith(bytes, "BM") &&
      bytes.substr(6, 4) == std::string_view("\0\0\0\0", 4)) {
    return "a BMP image";
  }
  if (StartsWith(bytes, std::string_view("\0\0\1\0", 4))) return "an icon file";
  const std::string text = TextStart(bytes);
  if (text.find("<svg") != std::string::npos) return "an SVG image";
  if (StartsWith(text, "<!doctype html") || StartsWith(text, "<html") ||
      text.find("<head") != std::string::npos || text.find("<body") != std::string::npos ||
      text.find("<script") != std::string::npos) {
    return "an HTML document";
  }
  if (StartsWith(text, "<?xml")) return "an XML document";
  return "a file of an unknown type";
}

}  // namespace warta::media
