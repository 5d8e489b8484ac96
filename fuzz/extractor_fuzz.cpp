// Full-text extraction (readability scorer, metadata, JSON-LD) on any page. The output's
// HTML is printed raw on the site, so it must be what the sanitizer would leave as is.
#include <cstddef>
#include <cstdint>

#include "core/utf8.h"
#include "fuzz/fuzz_check.h"
#include "ingest/extractor/extractor.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace warta::ingest::extractor;
  ExtractOptions options;
  options.url = "https://example.com/news/2024/story.html";
  options.min_text_chars = 20;  // small inputs still reach the acceptable path
  // The site's budgets (3 s to parse, 5 s to score) let one hostile input hold the fuzzer for
  // seconds; a tenth of a second still reaches the give-up paths, far more often.
  options.max_parse_cpu_seconds = 0.1;
  options.max_cpu_seconds = 0.1;
  auto result = Extract(warta::fuzz::Bytes(data, size), options);
  if (!result.ok()) return 0;
  WARTA_FUZZ_CHECK(warta::utf8::IsValid(result->title));
  WARTA_FUZZ_CHECK(warta::utf8::IsValid(result->content_html));
  WARTA_FUZZ_CHECK(warta::utf8::IsValid(result->text));
  return 0;
}
