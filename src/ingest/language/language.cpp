#include "ingest/language/language.h"

#include <cld2/public/compact_lang_det.h>

#include "core/utf8.h"

namespace warta::ingest::language {

std::optional<std::string> Detect(std::string_view text) {
  // Cut on a character boundary: CLD2 gives up on a truncated UTF-8 sequence.
  text = text.substr(0, utf8::CutPoint(text, kMaxDetectBytes));
  bool reliable = false;
  int valid_prefix = 0;
  const CLD2::Language detected = CLD2::DetectLanguageCheckUTF8(
      text.data(), static_cast<int>(text.size()), /*is_plain_text=*/true, &reliable, &valid_prefix);
  if (!reliable || detected == CLD2::UNKNOWN_LANGUAGE ||
      static_cast<std::size_t>(valid_prefix) < text.size()) {
    return std::nullopt;
  }
  const char* code = CLD2::LanguageCode(detected);
  if (code == nullptr || code[0] == '\0' || std::string_view(code) == "un") return std::nullopt;
  return std::string(code);
}

}  // namespace warta::ingest::language
