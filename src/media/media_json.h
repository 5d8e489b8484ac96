// What POST /api/v1/admin/media answers and `warta media add` prints (docs/api.md):
// {"id", "url", "width", "height", "srcset"}. url is the widest JPEG rendition (every browser
// reads it) and width x height are its size; srcset lists the WebP renditions with their
// widths (every current browser reads WebP; pages add the JPEG srcset as a fallback).
#pragma once

#include <string>

#include "model/media.h"

namespace warta::media {

std::string UploadJson(const model::Media& media);

}  // namespace warta::media
