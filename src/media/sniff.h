// What a file is, read from its first bytes, never from its name or a declared type. Pure:
// no libvips. Design: docs/decisions/0010-pictures.md ("Intake").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/media.h"

namespace warta::media {

// The image format whose signature the bytes start with: JPEG FF D8 FF; PNG 89 'PNG' 0D 0A 1A
// 0A; GIF 'GIF87a' or 'GIF89a'; WebP 'RIFF' size 'WEBP'; HEIF 'ftyp' with an HEVC brand
// (heic, heix, heim, heis, hevc, hevx, or mif1/msf1 that are not AVIF). nullopt for anything
// else.
std::optional<model::ImageFormat> Sniff(std::string_view bytes);

// "JPEG", "PNG", "GIF", "WebP", "HEIC": the format as people write it, for messages.
std::string_view DisplayName(model::ImageFormat format);

// For a refusal message: what the bytes look like when they are not an image warta reads
// ("an HTML document", "an SVG image", "a PDF document", "an AVIF image", ...), or "a file
// of an unknown type".
std::string DescribeUnsupported(std::string_view bytes);

}  // namespace warta::media
