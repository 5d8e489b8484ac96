// The last word on metadata in what warta serves: the metadata blocks of the WebP and JPEG
// containers, removed from encoded bytes. Pure byte surgery, no decoding.
//
// Why, when libvips' savers are asked to strip: Debian's libvips 8.14 writes an EXIF chunk
// into every WebP whatever `strip` says (orientation and resolution only, but still EXIF),
// and a rendition must carry none (docs/decisions/0010-pictures.md).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace warta::media {

// A WebP without its EXIF, XMP and ICCP chunks (and the VP8X flags announcing them).
// Internal when the bytes are not a well-formed WebP container.
Result<std::string> StripWebpMetadata(std::string_view webp);

// A JPEG without APP1..APP15 segments (EXIF, XMP, ICC, IPTC, ...) and comments; APP0 (JFIF)
// and everything from the start of scan on are kept as they are. Internal when the bytes are
// not a well-formed JPEG up to the scan.
Result<std::string> StripJpegMetadata(std::string_view jpeg);

}  // namespace warta::media
