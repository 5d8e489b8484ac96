#include "ingest/fetcher/curl_library.h"

#include <dlfcn.h>

#include <cstdlib>
#include <mutex>
#include <string>

namespace warta::ingest::fetcher {
namespace {

constexpr const char* kSoname = "libcurl.so.4";  // the ABI <curl/curl.h> describes

CurlLibrary table;
bool loaded = false;  // written once inside call_once, before any Fetcher exists

// Resolves `name` into `slot`; false (with `missing` set) when the symbol is absent.
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

Result<void> Load() {
  // RTLD_LOCAL: curl's symbols stay out of the global namespace; RTLD_NOW: a broken install
  // fails here, not in the middle of a transfer. The handle is never closed (curl keeps
  // global state and threads until exit).
  void* handle = dlopen(kSoname, RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = dlerror();
    return Error::Internal(std::string("fetch: cannot load ") + kSoname + ": " +
                           (why != nullptr ? why : "unknown error"));
  }
  std::string missing;
  CurlLibrary& t = table;
  const bool ok = Resolve(handle, "curl_global_init", t.global_init, missing) &&
                  Resolve(handle, "curl_easy_init", t.easy_init, missing) &&
                  Resolve(handle, "curl_easy_cleanup", t.easy_cleanup, missing) &&
                  Resolve(handle, "curl_easy_setopt", t.easy_setopt, missing) &&
                  Resolve(handle, "curl_easy_getinfo", t.easy_getinfo, missing) &&
                  Resolve(handle, "curl_easy_strerror", t.easy_strerror, missing) &&
                  Resolve(handle, "curl_multi_init", t.multi_init, missing) &&
                  Resolve(handle, "curl_multi_cleanup", t.multi_cleanup, missing) &&
                  Resolve(handle, "curl_multi_setopt", t.multi_setopt, missing) &&
                  Resolve(handle, "curl_multi_add_handle", t.multi_add_handle, missing) &&
                  Resolve(handle, "curl_multi_remove_handle", t.multi_remove_handle, missing) &&
                  Resolve(handle, "curl_multi_perform", t.multi_perform, missing) &&
                  Resolve(handle, "curl_multi_poll", t.multi_poll, missing) &&
                  Resolve(handle, "curl_multi_info_read", t.multi_info_read, missing) &&
                  Resolve(handle, "curl_multi_strerror", t.multi_strerror, missing) &&
                  Resolve(handle, "curl_slist_append", t.slist_append, missing) &&
                  Resolve(handle, "curl_slist_free_all", t.slist_free_all, missing) &&
                  Resolve(handle, "curl_url", t.url, missing) &&
                  Resolve(handle, "curl_url_cleanup", t.url_cleanup, missing) &&
                  Resolve(handle, "curl_url_set", t.url_set, missing) &&
                  Resolve(handle, "curl_url_get", t.url_get, missing) &&
                  Resolve(handle, "curl_free", t.free, missing);
  if (!ok) {
    return Error::Internal(std::string("fetch: cannot load ") + kSoname + ": symbol " + missing +
                           " missing (libcurl too old?)");
  }
  const CURLcode rc = t.global_init(CURL_GLOBAL_DEFAULT);
  if (rc != CURLE_OK) {
    return Error::Internal(std::string("fetch: curl_global_init failed: ") + t.easy_strerror(rc));
  }
  loaded = true;
  return Ok();
}

}  // namespace

Result<const CurlLibrary*> LoadCurlLibrary() {
  static std::once_flag once;
  static Result<void> outcome = Ok();
  std::call_once(once, [] { outcome = Load(); });
  WARTA_RETURN_IF_ERROR(outcome);
  return &table;
}

const CurlLibrary& Curl() {
  // Every curl object comes from a Fetcher, and Fetcher::Create loaded the library first.
  if (!loaded) std::abort();
  return table;
}

}  // namespace warta::ingest::fetcher
