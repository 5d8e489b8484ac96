// Picture intake on any upload: sniffing, the container metadata strippers, and the whole
// render (libvips, with the header-first pixel limit) at small bounds so libvips' decoders
// stay quick. libvips itself is not instrumented (it is dlopen()ed); warta's code around it is.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_check.h"
#include "media/container_metadata.h"
#include "media/render.h"
#include "media/sniff.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace warta::media;
  const auto bytes = warta::fuzz::Bytes(data, size);
  const auto format = Sniff(bytes);
  if (!format) {
    WARTA_FUZZ_CHECK(!DescribeUnsupported(bytes).empty());
  }
  (void)StripJpegMetadata(bytes);
  (void)StripWebpMetadata(bytes);

  RenderOptions options;
  options.max_bytes = 1 << 20;
  options.max_pixels = 256 * 256;  // larger pictures are refused from their header
  options.max_frames = 4;
  options.widths = {32, 96};
  options.webp_qualities = {60};
  options.jpeg_qualities = {60};
  auto rendered = Render(bytes, options);
  if (rendered.ok()) {
    WARTA_FUZZ_CHECK(static_cast<std::int64_t>(rendered->width) * rendered->height *
                         rendered->frames <=
                     options.max_pixels);
    WARTA_FUZZ_CHECK(!rendered->renditions.empty());
  }
  return 0;
}
