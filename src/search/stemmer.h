// Snowball stemmers (libstemmer) by language tag. A Stemmer is NOT thread-safe: libstemmer
// keeps its working buffer inside the stemmer, so each thread (each SQLite connection, each
// Analyzer) owns its own.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct sb_stemmer;

namespace warta::search {

// The libstemmer algorithm name for a BCP 47 language tag ("id", "in", "en-GB" ->
// "indonesian", "indonesian", "english"), or "" when there is no Snowball stemmer for it.
std::string_view SnowballAlgorithm(std::string_view language_tag);

// The language tags (primary subtags) that have a stemmer in this build, sorted.
std::vector<std::string> StemmedLanguages();

class Stemmer {
 public:
  // nullptr when the language has no stemmer (or libstemmer lacks the algorithm).
  static std::unique_ptr<Stemmer> Create(std::string_view language_tag);
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;

  // The stem of a lower-case (case-folded) UTF-8 word. The view stays valid until the next
  // call. Returns the word itself if stemming fails (out of memory).
  std::string_view Stem(std::string_view word);

 private:
  explicit Stemmer(sb_stemmer* stemmer) : stemmer_(stemmer) {}
  sb_stemmer* stemmer_;
};

}  // namespace warta::search
