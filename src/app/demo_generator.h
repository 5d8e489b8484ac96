// Generated sites for `warta demo --articles N` (app/cmd_demo_generate.cpp): articles that look
// like a news portal's archive to the pages, the search index and the benchmark. Bodies of
// 3–8 KB in Indonesian, English or Japanese made of sentences from app/demo_words.h; three
// tags each from a vocabulary whose use falls off like Zipf's law (a few tags are on a third of
// the site, most on a handful of articles); eight sections; twenty sources; bylines on some;
// publication dates spread over five years, oldest first; views heavy-tailed; likes, comments
// and pictures on some.
//
// Deterministic: the same seed and count make the same site (the benchmark caches by it).
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "storage/bulk_load.h"

namespace warta::app {

// Bumped whenever the generated content changes, so caches of generated sites are remade.
inline constexpr int kGeneratorVersion = 1;

struct GeneratorSettings {
  std::int64_t articles = 0;
  std::uint64_t seed = 1;
  std::int64_t now = 0;  // the newest article is published just before this (Unix seconds)
  std::vector<std::int64_t> section_ids;
  std::vector<std::int64_t> author_ids;
  std::vector<std::int64_t> picture_ids;  // media ids to reuse as lead pictures; may be empty
};

// The sections, bylines and feed sources of a generated site.
std::vector<storage::BulkNamed> GeneratedSections();
std::vector<storage::BulkNamed> GeneratedAuthors();
std::vector<storage::BulkNamed> GeneratedSources();

// The k-th rare word (k >= 0): an invented place name ("Kirosawa") that appears in about one
// article in 20,000, so searching for it finds a handful on a large site. Latin letters only.
std::string RareWord(int k);

class SiteGenerator {
 public:
  explicit SiteGenerator(GeneratorSettings settings);

  // The next article, oldest first; call at most settings.articles times.
  storage::BulkArticle Next();

 private:
  double Uniform();                 // [0, 1)
  std::size_t Zipf(std::size_t n);  // 0 .. n-1, P(k) roughly ∝ 1/(k+1)
  std::string Body(const std::string& lang, std::size_t target_bytes);
  std::string Sentence(const std::string& lang);
  std::string Title(const std::string& lang);
  std::vector<std::string> Tags();
  std::string Tag(std::size_t rank) const;

  GeneratorSettings settings_;
  std::mt19937_64 rng_;
  std::int64_t index_ = 0;
  std::size_t tag_count_ = 0;
};

}  // namespace warta::app
