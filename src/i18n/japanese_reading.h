// Japanese readings for romaji slugs: MeCab with the IPA dictionary reads kanji as Japanese
// (ICU alone reads them as Mandarin). Decision and conventions:
// docs/decisions/0011-romaji-slugs.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace warta::i18n {

// Whether the text holds kana or kanji, the characters the Japanese reader is for.
bool HasJapanese(std::string_view utf8);

// The text with every Japanese word replaced by its katakana reading (pronounced as in modified
// Hepburn: long "ou" folded, the particles は/へ read wa/e; を stays "wo"), words separated by
// spaces, other words (Latin, digits) kept as they are. nullopt when the dictionary is not
// available: the caller falls back to ICU. Safe from any thread (one model shared, a tagger per
// call).
std::optional<std::string> JapaneseReading(std::string_view utf8);

struct JapaneseReaderStatus {
  bool available = false;
  std::string detail;  // the dictionary used, or why none loaded
};
// Loads the dictionary on first use (about 50 MB mapped, ~100 ms) and says how it went.
const JapaneseReaderStatus& JapaneseReader();

// Slugify (i18n/formatter.h) with ICU alone: what it does when the MeCab dictionary is missing.
std::string SlugifyWithoutJapaneseReader(std::string_view title);

}  // namespace warta::i18n
