// Language detection (CLD2) for articles whose source does not state a language.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace warta::ingest::language {

// Only this much text is examined: more adds time, not accuracy.
inline constexpr std::size_t kMaxDetectBytes = std::size_t{16} * 1024;

// The language of plain UTF-8 text as a BCP 47 tag ("en", "id", "ja", "zh-Hant"), or
// nullopt when CLD2 is not confident (short or mixed text, unknown language). Invalid
// UTF-8 gives nullopt. Reentrant.
std::optional<std::string> Detect(std::string_view text);

}  // namespace warta::ingest::language
