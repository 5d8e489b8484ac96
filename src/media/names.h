// The names of a picture's files and URLs, all derived from the SHA-256 of its original
// bytes: the same upload twice is one picture, and every node of a cluster derives the same
// names (a shared volume at media.dir is all they need). Pure.
//
//   originals/ab/abcdef….jpg       the upload as received: kept for re-deriving, never served
//   public/ab/abcdef…-640.webp     a rendition, served as /media/ab/abcdef…-640.webp
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/media.h"

namespace warta::media {

// "ab": the first two hex digits, the directory that spreads files over 256 folders.
std::string_view ShardOf(std::string_view sha256);
// "<sha256>-<width>.<webp|jpg>".
std::string RenditionName(std::string_view sha256, int width, model::ImageFormat format);
// "/media/<shard>/<rendition name>": what pages link.
std::string RenditionUrl(std::string_view sha256, int width, model::ImageFormat format);
// "<sha256>.<extension of the original's format>".
std::string OriginalName(std::string_view sha256, model::ImageFormat format);

// The format of a rendition file when `shard`/`name` is exactly what RenditionName and
// ShardOf make (64 lower-case hex digits, a width of 1 to 4 digits without a leading zero,
// .webp or .jpg, the shard matching): nothing else under /media/ is ever served.
std::optional<model::ImageFormat> RenditionFormat(std::string_view shard, std::string_view name);

// The srcset of the picture's renditions in one format ("/media/ab/…-320.webp 320w, …"),
// narrowest first; empty when it has none in that format.
std::string Srcset(const model::Media& media, model::ImageFormat format);

// The rendition a page names in src (and the API in "url"): the widest JPEG, which every
// browser reads. Null when the picture has no JPEG (never, for what media/render.h makes).
const model::MediaVariant* FallbackVariant(const model::Media& media);

}  // namespace warta::media
