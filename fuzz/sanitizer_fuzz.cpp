// The HTML sanitizer on any bytes, both profiles. Besides not crashing, it promises
// (sanitizer.h) valid UTF-8 out and idempotence: Sanitize(Sanitize(x)) == Sanitize(x).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "fuzz/fuzz_check.h"
#include "ingest/sanitizer/sanitizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace warta::ingest::sanitizer;
  const auto html = warta::fuzz::Bytes(data, size);
  SanitizeOptions options;
  options.base_url = "https://example.com/a/b.html";
  options.iframe_hosts = {"www.youtube-nocookie.com"};
  options.profile = size > 0 && (data[0] & 1) ? Profile::kComment : Profile::kArticle;
  SanitizeReport report;
  const std::string once = Sanitize(html, options, &report);
  WARTA_FUZZ_CHECK(warta::utf8::IsValid(once));
  if (!report.too_complex && !report.too_large) {
    SanitizeReport again_report;
    const std::string twice = Sanitize(once, options, &again_report);
    if (!again_report.too_complex) WARTA_FUZZ_CHECK(twice == once);
  }
  const std::string text = ToPlainText(html);
  WARTA_FUZZ_CHECK(warta::utf8::IsValid(text));
  return 0;
}
