// The feed parser (RSS 0.9x/1.0/2.0, Atom, JSON Feed) on any bytes: it must never crash, and
// what it returns is what a page prints, so every text field must be valid UTF-8.
#include <cstddef>
#include <cstdint>

#include "core/utf8.h"
#include "fuzz/fuzz_check.h"
#include "ingest/feed/feed.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace warta::ingest::feed;
  const auto bytes = warta::fuzz::Bytes(data, size);
  ParseOptions options;
  options.base_url = "https://example.com/feed/";
  // The first byte picks a zone, so dates without one take both paths (UTC and ICU's zones).
  options.default_time_zone = size > 0 && (data[0] & 1) ? "Asia/Tokyo" : "";
  options.now_unix = 1'800'000'000;
  auto feed = ParseFeed(bytes, options);
  if (!feed.ok()) return 0;
  WARTA_FUZZ_CHECK(warta::utf8::IsValid(feed->title));
  for (const Entry& entry : feed->entries) {
    WARTA_FUZZ_CHECK(warta::utf8::IsValid(entry.title));
    WARTA_FUZZ_CHECK(warta::utf8::IsValid(entry.summary));
    WARTA_FUZZ_CHECK(warta::utf8::IsValid(entry.content));
    if (entry.published) WARTA_FUZZ_CHECK(*entry.published <= options.now_unix);
  }
  return 0;
}
