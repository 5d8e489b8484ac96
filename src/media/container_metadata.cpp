#include "media/container_metadata.h"

#include <cstdint>

namespace warta::media {
namespace {

std::uint32_t Le32(std::string_view bytes, std::size_t at) {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) {
    v = (v << 8) | static_cast<unsigned char>(bytes[at + static_cast<std::size_t>(i)]);
  }
  return v;
}

void PutLe32(std::string& bytes, std::size_t at, std::uint32_t v) {
  for (std::size_t i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xFF);
}

Error Malformed(const char* what) {
  return Error::Internal(std::string("media: the encoder wrote a malformed ") + what);
}

}  // namespace

Result<std::string> StripWebpMetadata(std::string_view webp) {
  if (webp.size() < 12 || webp.substr(0, 4) != "RIFF" || webp.substr(8, 4) != "WEBP") {
    return Malformed("WebP (no RIFF/WEBP header)");
  }
  // VP8X flags (RFC 9649 2.7): ICC 0x20, EXIF 0x08, XMP 0x04.
  constexpr unsigned char kMetadataFlags = 0x20 | 0x08 | 0x04;
  std::string out(webp.substr(0, 12));
  for (std::size_t at = 12; at < webp.size();) {
    if (at + 8 > webp.size()) return Malformed("WebP (a cut chunk header)");
    const std::string_view fourcc = webp.substr(at, 4);
    const std::size_t size = Le32(webp, at + 4);
    const std::size_t padded = 8 + size + (size & 1);
    if (size > webp.size() || at + padded > webp.size() + (size & 1)) {
      return Malformed("WebP (a chunk runs past the end)");
    }
    if (fourcc != "EXIF" && fourcc != "XMP " && fourcc != "ICCP") {
      const std::size_t start = out.size();
      out.append(webp.substr(at, std::min(padded, webp.size() - at)));
      if (fourcc == "VP8X" && size >= 1) {
        out[start + 8] = static_cast<char>(static_cast<unsigned char>(out[start + 8]) &
                                           static_cast<unsigned char>(~kMetadataFlags));
      }
    }
    at += padded;
  }
  PutLe32(out, 4, static_cast<std::uint32_t>(out.size() - 8));
  return out;
}

Result<std::string> StripJpegMetadata(std::string_view jpeg) {
  if (jpeg.size() < 4 || jpeg.substr(0, 2) != "\xFF\xD8") return Malformed("JPEG (no SOI)");
  std::string out(jpeg.substr(0, 2));
  std::size_t at = 2;
  for (;;) {
    if (at + 2 > jpeg.size() || static_cast<unsigned char>(jpeg[at]) != 0xFF) {
      return Malformed("JPEG (no marker where one belongs)");
    }
    const auto marker = static_cast<unsigned char>(jpeg[at + 1]);
    if (marker == 0xFF) {  // fill byte
      ++at;
      continue;
    }
    if (marker == 0xDA || marker == 0xD9) {  // start of scan (or an image with none): the rest
      out.append(jpeg.substr(at));
      return out;
    }
    if (at + 4 > jpeg.size()) return Malformed("JPEG (a cut segment)");
    const std::size_t length = (std::size_t{static_cast<unsigned char>(jpeg[at + 2])} << 8) |
                               static_cast<unsigned char>(jpeg[at + 3]);
    if (length < 2 || at + 2 + length > jpeg.size()) {
      return Malformed("JPEG (a segment runs past the end)");
    }
    const bool metadata = (marker >= 0xE1 && marker <= 0xEF) || marker == 0xFE;
    if (!metadata) out.append(jpeg.substr(at, 2 + length));
    at += 2 + length;
  }
}

}  // namespace warta::media
