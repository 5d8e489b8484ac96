// libcurl, loaded at run time on first use instead of linked.
//
// Why: libcurl pulls ~30 shared libraries (GnuTLS, Kerberos, LDAP, nghttp2, p11-kit, ...) into
// every process, and the dynamic loader spends ~13 ms of CPU mapping and relocating them. Most
// warta commands never fetch (feed parse, extract, migrate, user add, --help), so they should
// not pay for the TLS stack. See docs/decisions/0003-ingest.md.
//
// <curl/curl.h> is still used for types and constants; only the functions come from here.
#pragma once

#include <curl/curl.h>

#include "core/result.h"

namespace warta::ingest::fetcher {

// Exactly the libcurl functions the fetcher calls. The variadic ones stay variadic so the
// arguments are passed as libcurl expects (long, pointer, curl_off_t, callbacks).
struct CurlLibrary {
  decltype(&::curl_global_init) global_init = nullptr;
  decltype(&::curl_easy_init) easy_init = nullptr;
  decltype(&::curl_easy_cleanup) easy_cleanup = nullptr;
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...) = nullptr;
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...) = nullptr;
  decltype(&::curl_easy_strerror) easy_strerror = nullptr;
  decltype(&::curl_multi_init) multi_init = nullptr;
  decltype(&::curl_multi_cleanup) multi_cleanup = nullptr;
  CURLMcode (*multi_setopt)(CURLM*, CURLMoption, ...) = nullptr;
  decltype(&::curl_multi_add_handle) multi_add_handle = nullptr;
  decltype(&::curl_multi_remove_handle) multi_remove_handle = nullptr;
  decltype(&::curl_multi_perform) multi_perform = nullptr;
  decltype(&::curl_multi_poll) multi_poll = nullptr;
  decltype(&::curl_multi_info_read) multi_info_read = nullptr;
  decltype(&::curl_multi_strerror) multi_strerror = nullptr;
  decltype(&::curl_slist_append) slist_append = nullptr;
  decltype(&::curl_slist_free_all) slist_free_all = nullptr;
  decltype(&::curl_url) url = nullptr;
  decltype(&::curl_url_cleanup) url_cleanup = nullptr;
  decltype(&::curl_url_set) url_set = nullptr;
  decltype(&::curl_url_get) url_get = nullptr;
  decltype(&::curl_free) free = nullptr;
};

// Loads libcurl.so.4, resolves every function and runs curl_global_init, once per process
// (thread-safe; later calls return the first outcome). Errors: kInternal ("fetch: cannot load
// libcurl.so.4: ..." when the library or a symbol is missing, or curl_global_init failed).
Result<const CurlLibrary*> LoadCurlLibrary();

// The loaded table. Precondition: LoadCurlLibrary() has succeeded (Fetcher::Create does it,
// and every curl object is created through a Fetcher).
const CurlLibrary& Curl();

}  // namespace warta::ingest::fetcher
