// The demo site's pictures: landscapes drawn here at demo time (sky, sun, ridges, water), so
// the demo shows a news portal with pictures without shipping anyone's photographs. Each is
// encoded as a PNG and taken in through the media library like an upload.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "media/library.h"

namespace warta::app {

// How many distinct pictures the demo draws.
inline constexpr int kDemoPictureCount = 8;

// A drawn landscape of width × height as a PNG file (8-bit RGB); `scene` (0 ..
// kDemoPictureCount - 1) picks its time of day and colours.
std::string DrawDemoPicture(int scene, int width, int height);

// Draws every demo picture and takes each in; the ids in scene order. Errors: the library's
// (Unavailable when libvips is missing: the demo then has no pictures).
Result<std::vector<std::int64_t>> AddDemoPictures(media::MediaLibrary& library);

}  // namespace warta::app
