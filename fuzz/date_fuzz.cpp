// The feed date parser (RFC 822/2822 and its sloppy variants, RFC 3339, W3CDTF, asctime),
// in UTC and in a zone with daylight saving time, and the page-date reader of the extractor.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_check.h"
#include "ingest/extractor/extractor.h"
#include "ingest/feed/date/date.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace warta::ingest::feed::date;
  // Built once: ICU's zone data is read on construction.
  static const TimeZone utc;
  static const TimeZone new_york("America/New_York");
  const auto text = warta::fuzz::Bytes(data, size);
  (void)ParseDate(text, utc);
  (void)ParseDate(text, new_york);
  (void)warta::ingest::extractor::ParsePageDate(text);
  return 0;
}
