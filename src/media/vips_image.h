// Owning handles for libvips images and the steps of Render that need libvips. Internal to
// src/media/ (render.cpp, decode.cpp, encode.cpp and their tests).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"
#include "media/render.h"
#include "media/vips_library.h"
#include "model/media.h"

namespace warta::media {

struct ImageUnref {
  void operator()(VipsImage* image) const { Vips().object_unref(image); }
};
using ImagePtr = std::unique_ptr<VipsImage, ImageUnref>;

// libvips' error buffer as one line ("VipsJpeg: Premature end of input file"), then cleared.
std::string TakeVipsError();

// What a header says, before any pixel is decoded.
struct Header {
  int width = 0;  // as stored (before EXIF orientation)
  int frame_height = 0;
  int frames = 1;
  bool swaps = false;  // the EXIF orientation turns it by 90 degrees
};

// The header through the format's own loader. InvalidArgument when it cannot be read.
Result<Header> ReadHeader(std::string_view bytes, model::ImageFormat format);

// The picture decoded: upright, at most `width` wide, 8-bit sRGB (alpha kept), without any
// metadata but what an animation needs (page-height, delay, loop), in memory.
// InvalidArgument when the data is truncated or corrupt.
Result<ImagePtr> DecodeMaster(std::string_view bytes, model::ImageFormat format,
                              const Header& header, int width);

// The renditions of `master` (see render.h step 5). source_bytes bounds their weight.
Result<std::vector<Rendition>> EncodeRenditions(VipsImage* master, const RenderOptions& options,
                                                std::int64_t source_bytes);

}  // namespace warta::media
