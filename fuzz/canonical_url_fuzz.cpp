// URLs from outside: the canonicalizer of deduplication, and the sanitizer's cleaner and
// RFC 3986 resolver. Properties the headers promise are checked, not only "no crash".
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_check.h"
#include "ingest/dedup/canonical_url.h"
#include "ingest/sanitizer/url.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace warta::ingest::sanitizer;
  const auto text = warta::fuzz::Bytes(data, size);

  // An absolute https URL or nothing (canonical_url.h): storage keeps it unique.
  const std::string canonical = warta::ingest::dedup::CanonicalUrl(text);
  if (!canonical.empty()) WARTA_FUZZ_CHECK(canonical.rfind("https://", 0) == 0);

  // "The result is stable" (url.h), for both kinds of attribute.
  constexpr std::string_view kBase = "https://example.com/a/b/c.html?q=1";
  for (UrlKind kind : {UrlKind::kLink, UrlKind::kMedia}) {
    const auto cleaned = CleanUrl(text, kBase, kind);
    if (!cleaned) continue;
    const auto again = CleanUrl(*cleaned, kBase, kind);
    WARTA_FUZZ_CHECK(again && *again == *cleaned);
  }

  // The first line as a base, the rest as a reference.
  const auto newline = text.find('\n');
  if (newline != std::string_view::npos) {
    (void)ResolveUrl(text.substr(0, newline), text.substr(newline + 1));
  }
  (void)UrlHost(text);
  return 0;
}
