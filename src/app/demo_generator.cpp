#include "app/demo_generator.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <utility>

#include "app/demo_words.h"
#include "i18n/formatter.h"

namespace warta::app {
namespace {

constexpr std::int64_t kSpanSeconds = std::int64_t{5} * 365 * 86400;  // five years of news
constexpr std::size_t kMinBodyBytes = 3000;
constexpr std::size_t kMaxBodyBytes = 8000;
constexpr std::size_t kMaxSlugBytes = 80;  // i18n::Slugify's limit
constexpr int kRareWords = 500;
// One sentence in 300 names a rare place: with ~50 sentences an article, about one article
// in six has one, so each of the kRareWords is in about one article in 3,000.
constexpr int kRareSentenceOneIn = 300;

constexpr std::string_view kSyllables[] = {
    "ka", "ki", "ku", "ke", "ko", "sa", "shi", "su", "se", "so", "ta", "chi", "tsu",
    "te", "to", "na", "ni", "nu", "ne", "no",  "ha", "hi", "fu", "he", "ho",  "ma",
    "mi", "mu", "me", "mo", "ya", "yu", "yo",  "ra", "ri", "ru", "re", "ro",  "wa"};
constexpr std::size_t kSyllableCount = std::size(kSyllables);

struct Section {
  const char* slug;
  const char* name;
  const char* description;
};
// The demo's four sections first (app/demo_newsroom.cpp), then four more.
constexpr Section kSections[] = {
    {"nasional", "Nasional", "Berita Jepang tentang politik, pemerintahan dan masyarakat."},
    {"ekonomi", "Ekonomi", "Bisnis, pasar dan kerja sama ekonomi Indonesia-Jepang."},
    {"teknologi", "Teknologi", "Riset, industri dan kehidupan digital."},
    {"budaya", "Budaya", "Seni, kuliner, musim dan kehidupan sehari-hari."},
    {"olahraga", "Olahraga", "Sepak bola, bisbol, sumo dan atlet Asia."},
    {"internasional", "Internasional", "Jepang dan dunia: diplomasi dan hubungan antarnegara."},
    {"sains", "Sains", "Antariksa, gempa, iklim dan penemuan baru."},
    {"gaya-hidup", "Gaya Hidup", "Wisata, mode, kesehatan dan hiburan."},
};

std::string Capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

std::string SlugOf(std::string_view name) {
  std::string slug;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      slug += c;
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  if (slug.size() > kMaxSlugBytes) {
    // As i18n::Slugify: cut on a word boundary unless that loses more than half.
    const std::size_t dash = slug.rfind('-', kMaxSlugBytes);
    slug.resize(dash != std::string::npos && dash >= kMaxSlugBytes / 2 ? dash : kMaxSlugBytes);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug;
}

}  // namespace

std::vector<storage::BulkNamed> GeneratedSections() {
  std::vector<storage::BulkNamed> sections;
  for (const Section& s : kSections) sections.push_back({s.slug, s.name, s.description});
  return sections;
}

std::vector<storage::BulkNamed> GeneratedAuthors() {
  std::vector<storage::BulkNamed> authors;
  for (std::string_view name : AuthorNames()) {
    authors.push_back({SlugOf(name), std::string(name),
                       "Wartawan fiktif situs contoh Media Jepang (situs buatan warta)."});
  }
  return authors;
}

std::vector<storage::BulkNamed> GeneratedSources() {
  std::vector<storage::BulkNamed> sources;
  for (std::string_view name : SourceNames()) {
    const std::string slug = SlugOf(name);
    sources.push_back(
        {slug, std::string(name), "https://" + slug + ".demo.warta.invalid/feed.xml"});
  }
  return sources;
}

std::string RareWord(int k) {
  // Three syllables from k's digits in base kSyllableCount, scrambled by a multiplier prime to
  // the base cubed so neighbouring k do not share their first syllables.
  constexpr std::size_t kCube = kSyllableCount * kSyllableCount * kSyllableCount;
  std::size_t code = (static_cast<std::size_t>(k) * 7919 + 101) % kCube;
  std::string word;
  for (int i = 0; i < 3; ++i) {
    word += kSyllables[code % kSyllableCount];
    code /= kSyllableCount;
  }
  return Capitalized(word) + "wa";
}

SiteGenerator::SiteGenerator(GeneratorSettings settings)
    : settings_(std::move(settings)), rng_(settings_.seed) {
  tag_count_ = TagTopics().size() + Places().size() + TagTopics().size() * Places().size();
}

double SiteGenerator::Uniform() {
  return static_cast<double>(rng_() >> 11) * (1.0 / 9007199254740992.0);
}

std::size_t SiteGenerator::Zipf(std::size_t n) {
  // Log-uniform over 1..n+1: density ∝ 1/x, Zipf's law with exponent 1.
  const double x = std::exp(Uniform() * std::log(static_cast<double>(n) + 1.0)) - 1.0;
  return std::min(n - 1, static_cast<std::size_t>(x));
}

std::string SiteGenerator::Tag(std::size_t rank) const {
  // Topics are the big tags, places the middle, "topic place" pairs the long tail.
  const auto topics = TagTopics();
  const auto places = Places();
  if (rank < topics.size()) return std::string(topics[rank]);
  rank -= topics.size();
  if (rank < places.size()) return std::string(places[rank]);
  rank -= places.size();
  return std::string(topics[rank % topics.size()]) + " " +
         std::string(places[(rank / topics.size()) % places.size()]);
}

std::vector<std::string> SiteGenerator::Tags() {
  std::vector<std::string> tags;
  while (tags.size() < 3) {
    std::string tag = Tag(Zipf(tag_count_));
    if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
  }
  return tags;
}

std::string SiteGenerator::Sentence(const std::string& lang) {
  const bool ja = lang == "ja";
  const LanguageWords& w = ja ? JapaneseWords() : lang == "en" ? EnglishWords() : IndonesianWords();
  auto pick = [&](std::span<const std::string_view> list) { return list[Zipf(list.size())]; };
  std::string s;
  const int clauses = Uniform() < 0.35 ? 2 : 1;
  for (int c = 0; c < clauses; ++c) {
    if (ja) {
      if (c > 0) s += pick(w.joiners);
      if (Uniform() < 0.5) s += pick(w.times);
      s += pick(w.subjects);
      s += "は";
      if (Uniform() < 0.5) s += pick(w.places);
      s += pick(w.objects);
      s += "を";
      s += pick(w.verbs);
      continue;
    }
    if (c > 0) {
      s += pick(w.joiners);
      s += ' ';
      std::string subject(pick(w.subjects));
      // Mid-sentence: "while the government", "sementara pemerintah".
      if (!subject.empty() && subject[0] >= 'A' && subject[0] <= 'Z') {
        subject[0] = static_cast<char>(subject[0] + 32);
      }
      s += subject;
    } else {
      s += pick(w.subjects);
    }
    s += ' ';
    s += pick(w.verbs);
    s += ' ';
    s += pick(w.objects);
    if (Uniform() < 0.5) {
      s += ' ';
      s += pick(w.places);
    }
    if (Uniform() < 0.4) {
      s += ' ';
      s += pick(w.times);
    }
  }
  if (static_cast<int>(rng_() % kRareSentenceOneIn) == 0) {
    const std::string rare = RareWord(static_cast<int>(rng_() % kRareWords));
    s += ja ? "(" + rare + ")" : (lang == "en" ? ", near " : ", dekat ") + rare;
  }
  if (Uniform() < 0.2) {
    // Figures give the index numbers, as real reports do.
    const auto number = std::to_string(1 + rng_() % 999) + "," + std::to_string(rng_() % 10);
    s += ja ? "、" + number + "%"
            : (lang == "en" ? ", up " : ", naik ") + number +
                  (lang == "en" ? " percent" : " persen");
  }
  s += ja ? "。" : ".";
  return s;
}

std::string SiteGenerator::Body(const std::string& lang, std::size_t target_bytes) {
  std::string body;
  body.reserve(target_bytes + 512);
  int paragraphs = 0;
  while (body.size() < target_bytes) {
    if (paragraphs > 0 && paragraphs % 5 == 0 && Uniform() < 0.5) {
      body += "<h2>" + Capitalized(std::string(Tag(Zipf(TagTopics().size())))) + "</h2>\n";
    }
    body += "<p>";
    const int sentences = 2 + static_cast<int>(rng_() % 4);
    for (int i = 0; i < sentences; ++i) {
      if (i > 0 && lang != "ja") body += ' ';
      body += Sentence(lang);
    }
    body += "</p>\n";
    ++paragraphs;
  }
  return body;
}

std::string SiteGenerator::Title(const std::string& lang) {
  std::string title = Sentence(lang);
  // Headlines drop the full stop.
  if (lang == "ja") {
    title.resize(title.size() - std::string_view("。").size());
  } else {
    title.pop_back();
  }
  return title;
}

storage::BulkArticle SiteGenerator::Next() {
  storage::BulkArticle a;
  const double draw = Uniform();
  a.lang = draw < 0.6 ? "id" : draw < 0.85 ? "en" : "ja";
  a.title = Title(a.lang);
  // ICU's transliterator (i18n::Slugify) only where there is something to transliterate: for
  // ASCII titles it returns what SlugOf does, at a fifth of the whole article's cost.
  a.slug = a.lang == "ja" ? i18n::Slugify(a.title) : SlugOf(a.title);
  // Generated articles are told apart from the demo's by this host (it never resolves).
  a.url = "https://arsip.demo.warta.invalid/" + std::to_string(index_ + 1);
  const auto sources = SourceNames();
  a.source = std::string(sources[Zipf(sources.size())]);
  // Oldest first, evenly over five years with some jitter, the newest a minute before `now`.
  const std::int64_t n = std::max<std::int64_t>(settings_.articles, 1);
  const std::int64_t step = std::max<std::int64_t>(kSpanSeconds / n, 1);
  a.published_at = settings_.now - 60 - kSpanSeconds + step * index_ +
                   static_cast<std::int64_t>(Uniform() * static_cast<double>(step));
  a.published_at = std::min(a.published_at, settings_.now - 60);
  const std::size_t target =
      kMinBodyBytes + static_cast<std::size_t>(Uniform() * (kMaxBodyBytes - kMinBodyBytes));
  a.body_html = Body(a.lang, target);
  a.tags = Tags();
  if (!settings_.section_ids.empty()) {
    a.section_id = settings_.section_ids[Zipf(settings_.section_ids.size())];
  }
  if (!settings_.author_ids.empty() && Uniform() < 0.3) {
    a.author_ids.push_back(settings_.author_ids[rng_() % settings_.author_ids.size()]);
    const std::int64_t second = settings_.author_ids[rng_() % settings_.author_ids.size()];
    if (Uniform() < 0.15 && second != a.author_ids[0]) a.author_ids.push_back(second);
  }
  if (!settings_.picture_ids.empty() && Uniform() < 0.4) {
    a.lead_media_id = settings_.picture_ids[rng_() % settings_.picture_ids.size()];
  }
  // Heavy-tailed views (Pareto, exponent 1.1): most articles a few dozen, a few a million.
  a.views = std::min<std::int64_t>(
      5'000'000, static_cast<std::int64_t>(20.0 * std::pow(1.0 - Uniform(), -1.0 / 1.1)) - 20);
  a.shares = a.views / 200;
  if (Uniform() < 0.25) {
    a.likes = std::min(200, static_cast<int>(std::pow(1.0 - Uniform(), -1.2)));
  }
  if (Uniform() < 0.1) {
    const auto comments = (a.lang == "ja"   ? JapaneseWords()
                           : a.lang == "en" ? EnglishWords()
                                            : IndonesianWords())
                              .comments;
    const int count = 1 + static_cast<int>(rng_() % 6);
    for (int i = 0; i < count; ++i) {
      std::string text(comments[Zipf(comments.size())]);
      const std::int64_t at = std::min(a.published_at + 600 * (i + 1), settings_.now);
      a.comments.push_back({text, "<p>" + text + "</p>", at});
    }
  }
  ++index_;
  return a;
}

}  // namespace warta::app
