// Text analysis for full-text search: the same steps for the index and for queries, so a
// query word meets the indexed word whatever its case, width or inflection.
//
//   1. word breaking by ICU (UAX #29 plus ICU's dictionaries), so Japanese, Chinese and Thai
//      text without spaces still splits into words ("防衛" inside "…は防衛分野での…");
//   2. NFKC_Casefold per word (full-width and half-width forms, ligatures, case);
//   3. Snowball stemming (libstemmer) in the article's language: "agreeing" and "agreed" both
//      become "agre" in English, "bermitra" and "kemitraan" both "mitra" in Indonesian.
//      Numbers, kana and ideographs are never stemmed.
//
// Thread safety: an Analyzer is NOT thread-safe (ICU break iterators and Snowball stemmers
// keep state); use one per thread or per SQLite connection. Create is thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace warta::search {

// Words longer than this (base64 blobs, URLs glued together) are not indexed or searched.
inline constexpr std::size_t kMaxWordBytes = 100;

// The languages whose stems an article of unknown language is indexed with (besides the
// plain word), so it is still found by inflected queries in the portal's main languages.
inline constexpr std::string_view kDefaultLanguages[] = {"id", "en"};

enum class WordKind { kNumber, kLetters, kKana, kIdeographic };

// A word of the analyzed text: its byte range there and its NFKC_Casefold form.
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view normalized;  // valid during the callback only
  WordKind kind = WordKind::kLetters;
};

// Which forms of every word Tokenize emits.
struct Forms {
  std::vector<std::string> languages;  // the stem in each (a language without stemmer: the word)
  bool plain = false;                  // the normalized, unstemmed word as well
};

// Return false to stop early.
using WordSink = std::function<bool(const Word& word)>;
// One term of a word. `colocated` is false for the word's first term and true for the other
// forms of the same word (alternatives at the same position, as FTS5 synonyms).
using TermSink =
    std::function<bool(std::string_view term, std::size_t begin, std::size_t end, bool colocated)>;

class Analyzer {
 public:
  // Fails only when ICU lacks its break rules (a broken installation).
  static Result<std::unique_ptr<Analyzer>> Create();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Calls `sink` for every word of the UTF-8 `text`, in order (punctuation and spaces are
  // skipped). Invalid UTF-8 sequences separate words; they never reach a word. Returns false
  // when the sink stopped.
  bool ForEachWord(std::string_view text, const WordSink& sink);

  // Calls `sink` for every term of every word: the stems of the word in `forms.languages`
  // and, with forms.plain, the word itself, each distinct form once. With no form at all
  // (no languages, no plain), the word itself.
  bool Tokenize(std::string_view text, const Forms& forms, const TermSink& sink);

  // The stem of a normalized word in `language` (a BCP 47 tag), or the word itself when the
  // language has no stemmer. The view is valid until the next call on this Analyzer.
  std::string_view Stem(std::string_view language, std::string_view normalized_word);

 private:
  struct Impl;
  explicit Analyzer(std::unique_ptr<Impl> impl);
  // Normalizes text[begin, end) and passes it to `sink` unless it is empty or too long.
  bool EmitWord(std::string_view text, std::size_t begin, std::size_t end, WordKind kind,
                const WordSink& sink);
  // ForEachWord over text[chunk_begin, chunk_end) by ICU's break iterator.
  bool IcuWords(std::string_view text, std::size_t chunk_begin, std::size_t chunk_end,
                const WordSink& sink);
  std::unique_ptr<Impl> impl_;
};

// NFKC_Casefold of a whole string (ASCII fast path). Invalid UTF-8 becomes U+FFFD.
std::string NormalizeText(std::string_view text);

}  // namespace warta::search
