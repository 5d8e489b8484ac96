#include "search/stemmer.h"

#include <libstemmer.h>

#include <algorithm>
#include <string>

#include "core/ascii.h"

namespace warta::search {
namespace {

struct Mapping {
  std::string_view tag;
  std::string_view algorithm;
};

// ISO 639-1 codes (and the withdrawn "in"/"ji") of the Snowball algorithms Debian 12's
// libstemmer 2.2 ships. "porter" is the old English algorithm: "english" supersedes it.
constexpr Mapping kMappings[] = {
    {"ar", "arabic"},     {"ca", "catalan"},  {"da", "danish"},     {"de", "german"},
    {"el", "greek"},      {"en", "english"},  {"es", "spanish"},    {"eu", "basque"},
    {"fi", "finnish"},    {"fr", "french"},   {"ga", "irish"},      {"hi", "hindi"},
    {"hu", "hungarian"},  {"hy", "armenian"}, {"id", "indonesian"}, {"in", "indonesian"},
    {"it", "italian"},    {"ji", "yiddish"},  {"lt", "lithuanian"}, {"nb", "norwegian"},
    {"ne", "nepali"},     {"nl", "dutch"},    {"nn", "norwegian"},  {"no", "norwegian"},
    {"pt", "portuguese"}, {"ro", "romanian"}, {"ru", "russian"},    {"sr", "serbian"},
    {"sv", "swedish"},    {"ta", "tamil"},    {"tr", "turkish"},    {"yi", "yiddish"},
};

bool Available(std::string_view algorithm) {
  for (const char* const* name = sb_stemmer_list(); *name != nullptr; ++name) {
    if (algorithm == *name) return true;
  }
  return false;
}

}  // namespace

std::string_view SnowballAlgorithm(std::string_view language_tag) {
  // The primary subtag: "en-GB" and "en_GB" stem as "en".
  std::size_t end = language_tag.find_first_of("-_");
  std::string_view primary = language_tag.substr(0, end);
  if (primary.size() != 2) return {};
  const std::string lower = ascii::Lower(primary);
  for (const Mapping& m : kMappings) {
    if (m.tag == lower) return Available(m.algorithm) ? m.algorithm : std::string_view();
  }
  return {};
}

std::vector<std::string> StemmedLanguages() {
  std::vector<std::string> tags;
  for (const Mapping& m : kMappings) {
    if (m.tag != "in" && m.tag != "ji" && Available(m.algorithm)) tags.emplace_back(m.tag);
  }
  std::sort(tags.begin(), tags.end());
  return tags;
}

std::unique_ptr<Stemmer> Stemmer::Create(std::string_view language_tag) {
  std::string algorithm(SnowballAlgorithm(language_tag));
  if (algorithm.empty()) return nullptr;
  sb_stemmer* stemmer = sb_stemmer_new(algorithm.c_str(), "UTF_8");
  if (stemmer == nullptr) return nullptr;
  return std::unique_ptr<Stemmer>(new Stemmer(stemmer));
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string_view Stemmer::Stem(std::string_view word) {
  const sb_symbol* stem = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                          static_cast<int>(word.size()));
  if (stem == nullptr) return word;
  return {reinterpret_cast<const char*>(stem),
          static_cast<std::size_t>(sb_stemmer_length(stemmer_))};
}

}  // namespace warta::search
