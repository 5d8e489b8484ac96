#include "media/vips_library.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>
#include <string>

namespace warta::media {
namespace {

constexpr const char* kSoname = "libvips.so.42";  // the ABI <vips/vips.h> 8.x describes

// The buffer loaders warta reads with; every other loader stays blocked.
constexpr const char* kAllowedLoaders[] = {
    "VipsForeignLoadJpegBuffer", "VipsForeignLoadPngBuffer", "VipsForeignLoadNsgifBuffer",
    "VipsForeignLoadWebpBuffer", "VipsForeignLoadHeifBuffer"};

VipsLibrary table;
bool loaded = false;  // written once inside call_once, before any image exists

template <typename Fn>
bool Resolve(void* handle, const char* name, Fn& slot, std::string& missing) {
  void* symbol = dlsym(handle, name);
  if (symbol == nullptr) {
    missing = name;
    return false;
  }
  // POSIX guarantees a data pointer from dlsym converts to the function pointer it names.
  slot = reinterpret_cast<Fn>(symbol);
  return true;
}

bool ResolveAll(void* handle, VipsLibrary& t, std::string& missing) {
  return Resolve(handle, "vips_init", t.init, missing) &&
         Resolve(handle, "vips_version", t.version, missing) &&
         Resolve(handle, "vips_block_untrusted_set", t.block_untrusted_set, missing) &&
         Resolve(handle, "vips_operation_block_set", t.operation_block_set, missing) &&
         Resolve(handle, "vips_type_find", t.type_find, missing) &&
         Resolve(handle, "vips_cache_set_max", t.cache_set_max, missing) &&
         Resolve(handle, "vips_concurrency_set", t.concurrency_set, missing) &&
         Resolve(handle, "vips_error_buffer", t.error_buffer, missing) &&
         Resolve(handle, "vips_error_clear", t.error_clear, missing) &&
         Resolve(handle, "vips_jpegload_buffer", t.jpegload_buffer, missing) &&
         Resolve(handle, "vips_pngload_buffer", t.pngload_buffer, missing) &&
         Resolve(handle, "vips_gifload_buffer", t.gifload_buffer, missing) &&
         Resolve(handle, "vips_webpload_buffer", t.webpload_buffer, missing) &&
         Resolve(handle, "vips_heifload_buffer", t.heifload_buffer, missing) &&
         Resolve(handle, "vips_thumbnail_buffer", t.thumbnail_buffer, missing) &&
         Resolve(handle, "vips_thumbnail_image", t.thumbnail_image, missing) &&
         Resolve(handle, "vips_colourspace", t.colourspace, missing) &&
         Resolve(handle, "vips_cast", t.cast, missing) &&
         Resolve(handle, "vips_flatten", t.flatten, missing) &&
         Resolve(handle, "vips_crop", t.crop, missing) &&
         Resolve(handle, "vips_copy", t.copy, missing) &&
         Resolve(handle, "vips_image_copy_memory", t.image_copy_memory, missing) &&
         Resolve(handle, "vips_webpsave_buffer", t.webpsave_buffer, missing) &&
         Resolve(handle, "vips_jpegsave_buffer", t.jpegsave_buffer, missing) &&
         Resolve(handle, "vips_image_get_width", t.image_get_width, missing) &&
         Resolve(handle, "vips_image_get_height", t.image_get_height, missing) &&
         Resolve(handle, "vips_image_get_bands", t.image_get_bands, missing) &&
         Resolve(handle, "vips_image_get_format", t.image_get_format, missing) &&
         Resolve(handle, "vips_image_get_interpretation", t.image_get_interpretation, missing) &&
         Resolve(handle, "vips_image_get_page_height", t.image_get_page_height, missing) &&
         Resolve(handle, "vips_image_get_orientation_swap", t.image_get_orientation_swap,
                 missing) &&
         Resolve(handle, "vips_image_get_fields", t.image_get_fields, missing) &&
         Resolve(handle, "vips_image_get_typeof", t.image_get_typeof, missing) &&
         Resolve(handle, "vips_image_get_string", t.image_get_string, missing) &&
         Resolve(handle, "vips_image_remove", t.image_remove, missing) &&
         Resolve(handle, "vips_image_set_int", t.image_set_int, missing) &&
         Resolve(handle, "vips_image_hasalpha", t.image_hasalpha, missing) &&
         Resolve(handle, "vips_array_double_new", t.array_double_new, missing) &&
         Resolve(handle, "vips_area_unref", t.area_unref, missing) &&
         Resolve(handle, "g_object_unref", t.object_unref, missing) &&
         Resolve(handle, "g_free", t.free, missing) &&
         Resolve(handle, "g_strfreev", t.strfreev, missing) &&
         Resolve(handle, "g_log_set_handler", t.log_set_handler, missing);
}

// libvips' warnings ("error in tile", "premature end of JPEG") go through glib's log to
// stderr by default; the errors that matter come back as Results.
void DropLog(const gchar* /*domain*/, GLogLevelFlags /*level*/, const gchar* /*message*/,
             gpointer /*data*/) {}

Error Unavailable(const std::string& why) {
  return Error::Unavailable(std::string("media: cannot load ") + kSoname + ": " + why +
                            " (install Debian's libvips42)");
}

Result<void> Load() {
  // RTLD_LOCAL: vips' and glib's symbols stay out of the global namespace; RTLD_NOW: a broken
  // install fails here. The handle is never closed: libvips keeps threads and global state.
  void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return Unavailable(why != nullptr ? why : "unknown error");
  }
  VipsLibrary& t = table;
  std::string missing;
  if (!ResolveAll(handle, t, missing)) return Unavailable("symbol " + missing + " missing");
  if (t.init("warta") != 0) return Unavailable(std::string("vips_init: ") + t.error_buffer());
  t.log_set_handler("VIPS",
                    static_cast<GLogLevelFlags>(G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE |
                                                G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG),
                    DropLog, nullptr);
  t.block_untrusted_set(TRUE);
  t.operation_block_set("VipsForeignLoad", TRUE);
  for (const char* loader : kAllowedLoaders) {
    // A loader this libvips lacks (no heif module) stays absent: unblocking an unknown name
    // would only log a warning.
    if (t.type_find("VipsOperation", loader) != 0) t.operation_block_set(loader, FALSE);
  }
  t.has_heif = t.type_find("VipsOperation", "VipsForeignLoadHeifBuffer") != 0;
  t.cache_set_max(0);
  t.concurrency_set(1);
  loaded = true;
  return Ok();
}

}  // namespace

Result<const VipsLibrary*> LoadVipsLibrary() {
  static std::once_flag once;
  static Result<void> outcome = Ok();
  std::call_once(once, [] { outcome = Load(); });
  if (!outcome.ok()) return outcome.error();
  return &table;
}

const VipsLibrary& Vips() {
  if (!loaded) std::abort();
  return table;
}

}  // namespace warta::media
