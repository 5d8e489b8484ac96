// Markdown (cmark-gfm, then warta's sanitizer) for comments and articles. What comes out goes
// on a page as is: valid UTF-8, and no script, event handler or javascript: URL in any tag,
// whatever was typed.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "fuzz/fuzz_check.h"
#include "markdown/markdown.h"

namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

// Whether a real tag of the output is a script, has an event handler attribute or a URL
// attribute with a javascript: URL. Text has its '<' escaped, so every '<' opens a real tag,
// and the sanitizer writes every attribute value in double quotes; typed HTML shown as text
// (escaped) and words inside other attribute values do not count.
bool HasActiveTag(std::string_view html) {
  const std::string lower = Lower(html);
  const std::string_view out = lower;
  std::size_t i = out.find('<');
  while (i != std::string_view::npos) {
    if (out.substr(i, 7) == "<script") return true;
    ++i;
    while (i < out.size() && out[i] != ' ' && out[i] != '>') ++i;  // the tag name
    while (i < out.size() && out[i] != '>') {
      while (i < out.size() && out[i] == ' ') ++i;
      const std::size_t name_start = i;
      while (i < out.size() && out[i] != '=' && out[i] != ' ' && out[i] != '>') ++i;
      const std::string_view name = out.substr(name_start, i - name_start);
      std::string_view value;
      if (i + 1 < out.size() && out[i] == '=' && out[i + 1] == '"') {
        const std::size_t end = out.find('"', i + 2);
        if (end == std::string_view::npos) return true;  // an unclosed value: not our output
        value = out.substr(i + 2, end - i - 2);
        i = end + 1;
      }
      if (name.rfind("on", 0) == 0) return true;
      if ((name == "href" || name == "src") && value.rfind("javascript:", 0) == 0) return true;
      if (name.empty() && i < out.size() && out[i] != '>') ++i;  // a stray byte: move on
    }
    i = out.find('<', i);
  }
  return false;
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
    WARTA_FUZZ_CHECK(!HasActiveTag(rendered->html));
  }
  (void)CodePoints(source);
  return 0;
}
