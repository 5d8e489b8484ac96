// libvips, loaded at run time on the first picture instead of linked. Internal to src/media/.
//
// Why: libvips.so.42 pulls ~100 shared libraries into a process (glib, ImageMagick, poppler,
// librsvg, OpenEXR, HDF5, ...) and loads its format modules at init. Linked into warta, every
// command would pay the dynamic loader's work at start, though only `serve` and `media add`
// ever touch a picture; `warta feed parse` is benchmarked in CPU time per run. The same choice
// as libcurl (ingest/fetcher/curl_library.h); docs/decisions/0010-pictures.md.
//
// <vips/vips.h> is used for types and constants only; every function comes from this table.
// (Its macros that call functions, such as VIPS_INIT or VIPS_IMAGE, must not be used.)
#pragma once

#include <vips/vips.h>

#include "core/result.h"

namespace warta::media {

// Exactly the functions src/media calls. Variadic ones keep their signatures: their options
// are passed as libvips expects (name, value pairs ending with a null pointer).
struct VipsLibrary {
  decltype(&::vips_init) init = nullptr;
  decltype(&::vips_version) version = nullptr;
  decltype(&::vips_block_untrusted_set) block_untrusted_set = nullptr;
  decltype(&::vips_operation_block_set) operation_block_set = nullptr;
  decltype(&::vips_type_find) type_find = nullptr;
  decltype(&::vips_cache_set_max) cache_set_max = nullptr;
  decltype(&::vips_concurrency_set) concurrency_set = nullptr;
  decltype(&::vips_error_buffer) error_buffer = nullptr;
  decltype(&::vips_error_clear) error_clear = nullptr;

  decltype(&::vips_jpegload_buffer) jpegload_buffer = nullptr;
  decltype(&::vips_pngload_buffer) pngload_buffer = nullptr;
  decltype(&::vips_gifload_buffer) gifload_buffer = nullptr;
  decltype(&::vips_webpload_buffer) webpload_buffer = nullptr;
  decltype(&::vips_heifload_buffer) heifload_buffer = nullptr;
  decltype(&::vips_thumbnail_buffer) thumbnail_buffer = nullptr;
  decltype(&::vips_thumbnail_image) thumbnail_image = nullptr;
  decltype(&::vips_colourspace) colourspace = nullptr;
  decltype(&::vips_cast) cast = nullptr;
  decltype(&::vips_flatten) flatten = nullptr;
  decltype(&::vips_crop) crop = nullptr;
  decltype(&::vips_copy) copy = nullptr;
  decltype(&::vips_image_copy_memory) image_copy_memory = nullptr;
  decltype(&::vips_webpsave_buffer) webpsave_buffer = nullptr;
  decltype(&::vips_jpegsave_buffer) jpegsave_buffer = nullptr;

  decltype(&::vips_image_get_width) image_get_width = nullptr;
  decltype(&::vips_image_get_height) image_get_height = nullptr;
  decltype(&::vips_image_get_bands) image_get_bands = nullptr;
  decltype(&::vips_image_get_format) image_get_format = nullptr;
  decltype(&::vips_image_get_interpretation) image_get_interpretation = nullptr;
  decltype(&::vips_image_get_page_height) image_get_page_height = nullptr;
  decltype(&::vips_image_get_orientation_swap) image_get_orientation_swap = nullptr;
  decltype(&::vips_image_get_fields) image_get_fields = nullptr;
  decltype(&::vips_image_get_typeof) image_get_typeof = nullptr;
  decltype(&::vips_image_get_string) image_get_string = nullptr;
  decltype(&::vips_image_remove) image_remove = nullptr;
  decltype(&::vips_image_set_int) image_set_int = nullptr;
  decltype(&::vips_image_hasalpha) image_hasalpha = nullptr;
  decltype(&::vips_array_double_new) array_double_new = nullptr;
  decltype(&::vips_area_unref) area_unref = nullptr;

  // glib, reached through libvips' own dependencies.
  decltype(&::g_object_unref) object_unref = nullptr;
  decltype(&::g_free) free = nullptr;
  decltype(&::g_strfreev) strfreev = nullptr;
  decltype(&::g_log_set_handler) log_set_handler = nullptr;

  bool has_heif = false;  // this libvips has a heif loader (Debian's: the vips-heif module)
};

// Loads libvips.so.42, resolves every function, runs vips_init and locks libvips down, once
// per process (thread-safe; later calls return the first outcome):
// - every loader is blocked except the five buffer loaders warta reads with (JPEG, PNG, GIF,
//   WebP, HEIF), and untrusted operations (ImageMagick, ...) are blocked too, so no input
//   ever reaches the SVG, PDF or ImageMagick code, whatever it claims to be;
// - the operation cache is off (nothing of one upload stays in memory for the next) and
//   libvips uses one worker thread (a picture must not take the cores serving pages);
// - libvips' warnings are dropped (its errors reach the caller through Result).
// Errors: Unavailable "media: cannot load libvips.so.42: ..." (install libvips42) when the
// library or a symbol is missing, or vips_init failed.
Result<const VipsLibrary*> LoadVipsLibrary();

// The loaded table. Precondition: LoadVipsLibrary() has succeeded (Render does it first, and
// every image handle comes from Render).
const VipsLibrary& Vips();

}  // namespace warta::media
