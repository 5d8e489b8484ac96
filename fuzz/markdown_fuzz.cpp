// Markdown (cmark-gfm, then warta's sanitizer) for comments and articles. What comes out goes
// on a page as is: valid UTF-8, and no script or event handler, whatever was typed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "fuzz/fuzz_check.h"
#include "markdown/markdown.h"

namespace {

bool HasCaseless(const std::string& haystack, std::string_view needle) {
  std::string lower = haystack;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower.find(needle) != std::string::npos;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace warta::markdown;
  // Callers bound the size first (markdown.h); comments allow 10,000 characters, articles more.
  if (size > 64 * 1024) return 0;
  const auto source = warta::fuzz::Bytes(data, size);
  for (Profile profile : {Profile::kComment, Profile::kArticle}) {
    auto rendered = Render(source, profile);
    if (!rendered.ok()) continue;
    WARTA_FUZZ_CHECK(warta::utf8::IsValid(rendered->html));
    WARTA_FUZZ_CHECK(!HasCaseless(rendered->html, "<script"));
    WARTA_FUZZ_CHECK(!HasCaseless(rendered->html, "javascript:"));
  }
  (void)CodePoints(source);
  return 0;
}
