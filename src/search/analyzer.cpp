#include "search/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "search/analyzer_ascii.h"
#include "search/stemmer.h"

namespace warta::search {
namespace {

struct UTextCloser {
  void operator()(UText* text) const { utext_close(text); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

bool IsAscii(std::string_view text) {
  for (char c : text) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

const icu::Normalizer2* CasefoldNormalizer() {
  UErrorCode status = U_ZERO_ERROR;
  // A process-wide singleton owned by ICU; thread-safe.
  const icu::Normalizer2* normalizer = icu::Normalizer2::getNFKCCasefoldInstance(status);
  return U_SUCCESS(status) ? normalizer : nullptr;
}

// NFKC_Casefold into `out`. ASCII needs only lower-casing: the common case for id/en text.
// Japanese words are mostly kana and ideographs, which it leaves as they are.
void Normalize(std::string_view text, std::string& out) {
  out.clear();
  if (IsFoldStable(text)) {
    out.assign(text);
    return;
  }
  if (IsAscii(text)) {
    out.resize(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      out[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return;
  }
  icu::UnicodeString source = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::Normalizer2* normalizer = CasefoldNormalizer();
  if (normalizer == nullptr) {
    source.foldCase().toUTF8String(out);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normalized = normalizer->normalize(source, status);
  (U_SUCCESS(status) ? normalized : source.foldCase()).toUTF8String(out);
}

// Rule status ranges of ICU's word break iterator (ubrk.h: UBRK_WORD_*).
std::optional<WordKind> KindOf(int32_t status) {
  if (status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT) return WordKind::kNumber;
  if (status >= UBRK_WORD_LETTER && status < UBRK_WORD_LETTER_LIMIT) return WordKind::kLetters;
  if (status >= UBRK_WORD_KANA && status < UBRK_WORD_KANA_LIMIT) return WordKind::kKana;
  if (status >= UBRK_WORD_IDEO && status < UBRK_WORD_IDEO_LIMIT) return WordKind::kIdeographic;
  return std::nullopt;  // spaces, punctuation, symbols, emoji
}

}  // namespace

// Stems remembered per language: a text repeats its words, and a site's vocabulary is small
// next to its text, so most words are stemmed once. Snowball is a pure function of the word:
// a remembered stem is the stem. Direct-mapped (a new word takes its slot's place), words and
// stems inline, so a lookup touches one cache line: 4096 slots of 64 bytes per language.
class StemCache {
 public:
  static constexpr std::size_t kMaxBytes = 31;  // longer words are stemmed every time

  StemCache() : slots_(kSlots) {}

  // The remembered stem of `word`, or nullopt.
  std::optional<std::string_view> Find(std::string_view word) const {
    if (word.size() > kMaxBytes) return std::nullopt;
    const Slot& slot = slots_[Hash(word) & (kSlots - 1)];
    if (slot.word_size != word.size() || std::string_view(slot.word, slot.word_size) != word) {
      return std::nullopt;
    }
    return std::string_view(slot.stem, slot.stem_size);
  }

  void Put(std::string_view word, std::string_view stem) {
    if (word.size() > kMaxBytes || stem.size() > kMaxBytes) return;
    Slot& slot = slots_[Hash(word) & (kSlots - 1)];
    slot.word_size = static_cast<unsigned char>(word.size());
    slot.stem_size = static_cast<unsigned char>(stem.size());
    std::copy(word.begin(), word.end(), slot.word);
    std::copy(stem.begin(), stem.end(), slot.stem);
  }

 private:
  static constexpr std::size_t kSlots = 4096;
  struct alignas(64) Slot {
    unsigned char word_size = 0xFF;  // no word is this long: the slot is empty
    unsigned char stem_size = 0;
    char word[kMaxBytes] = {};
    char stem[kMaxBytes] = {};
  };

  static std::size_t Hash(std::string_view word) {
    std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a: words are short
    for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }

  std::vector<Slot> slots_;
};

struct LanguageStems {
  std::unique_ptr<Stemmer> stemmer;  // nullptr: the language has none
  std::unique_ptr<StemCache> cache;

  std::string_view Stem(std::string_view word) {
    if (stemmer == nullptr) return word;
    if (auto stem = cache->Find(word)) return *stem;
    std::string_view stem = stemmer->Stem(word);
    // The word itself back means stemming failed (out of memory): not remembered.
    if (stem.data() != word.data()) cache->Put(word, stem);
    return stem;
  }
};

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  // Created on first use per language (std::map: the entries stay put as others are added).
  std::map<std::string, LanguageStems, std::less<>> languages;
  std::string normalized;  // per-word scratch buffers, reused
  std::vector<std::string> forms;
  std::vector<LanguageStems*> stems;  // per Tokenize call: the languages of its forms

  LanguageStems& LanguageFor(std::string_view language) {
    auto it = languages.find(language);
    if (it == languages.end()) {
      it = languages.emplace(std::string(language), LanguageStems{}).first;
      it->second.stemmer = Stemmer::Create(language);
      if (it->second.stemmer != nullptr) it->second.cache = std::make_unique<StemCache>();
    }
    return it->second;
  }
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;

Result<std::unique_ptr<Analyzer>> Analyzer::Create() {
  UErrorCode status = U_ZERO_ERROR;
  // The root locale's word rules already use ICU's CJK, Thai, Lao, Khmer and Burmese
  // dictionaries, whatever the language of the text.
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || words == nullptr) {
    return Error::Internal(std::string("search: ICU word break iterator unavailable: ") +
                           u_errorName(status));
  }
  auto impl = std::make_unique<Impl>();
  impl->words = std::move(words);
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(impl)));
}

bool Analyzer::EmitWord(std::string_view text, std::size_t begin, std::size_t end, WordKind kind,
                        const WordSink& sink) {
  Normalize(text.substr(begin, end - begin), impl_->normalized);
  if (impl_->normalized.empty() || impl_->normalized.size() > kMaxWordBytes) return true;
  return sink(Word{begin, end, impl_->normalized, kind});
}

bool Analyzer::ForEachWord(std::string_view text, const WordSink& sink) {
  for (std::size_t begin = 0; begin < text.size();) {
    const Chunk chunk = NextChunk(text, begin);
    const bool go_on =
        chunk.ascii
            ? ForEachAsciiWord(text.substr(0, chunk.end).substr(begin),
                               [&](std::size_t from, std::size_t to, WordKind kind) {
                                 if (to - from > kMaxWordBytes) return true;
                                 return EmitWord(text, begin + from, begin + to, kind, sink);
                               })
            : IcuWords(text, begin, chunk.end, sink);
    if (!go_on) return false;
    begin = chunk.end;
  }
  return true;
}

bool Analyzer::IcuWords(std::string_view text, std::size_t chunk_begin, std::size_t chunk_end,
                        const WordSink& sink) {
  const std::string_view chunk = text.substr(chunk_begin, chunk_end - chunk_begin);
  UErrorCode status = U_ZERO_ERROR;
  // A UTF-8 UText: the iterator's indexes are byte offsets into `chunk`, no copy is made.
  UTextPtr utext(
      utext_openUTF8(nullptr, chunk.data(), static_cast<int64_t>(chunk.size()), &status));
  if (U_FAILURE(status)) return true;
  icu::BreakIterator& it = *impl_->words;
  it.setText(utext.get(), status);
  if (U_FAILURE(status)) return true;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    auto kind = KindOf(it.getRuleStatus());
    if (!kind) continue;
    auto begin = chunk_begin + static_cast<std::size_t>(start);
    auto stop = chunk_begin + static_cast<std::size_t>(end);
    if (stop - begin > kMaxWordBytes) continue;
    // UAX #29 joins letters across a colon ("c:a" in Swedish); here "title:borrell" is two
    // words, as a reader typing FTS column syntax or a URL scheme means.
    for (std::size_t part = begin; part < stop;) {
      std::size_t colon = text.substr(0, stop).find(':', part);
      std::size_t part_end = colon == std::string_view::npos ? stop : colon;
      if (part_end > part && !EmitWord(text, part, part_end, *kind, sink)) {
        it.setText(icu::UnicodeString());  // drop the pointer into `text`
        return false;
      }
      part = part_end + 1;
    }
  }
  it.setText(icu::UnicodeString());
  return true;
}

std::string_view Analyzer::Stem(std::string_view language, std::string_view normalized_word) {
  return impl_->LanguageFor(language).Stem(normalized_word);
}

bool Analyzer::Tokenize(std::string_view text, const Forms& forms, const TermSink& sink) {
  const bool plain = forms.plain || forms.languages.empty();
  std::vector<LanguageStems*>& stems = impl_->stems;
  stems.clear();
  for (const std::string& language : forms.languages)
    stems.push_back(&impl_->LanguageFor(language));
  return ForEachWord(text, [&](const Word& word) {
    // The word's distinct forms, in out[0, count): the strings are reused, not reallocated.
    std::vector<std::string>& out = impl_->forms;
    std::size_t count = 0;
    auto add = [&out, &count](std::string_view form) {
      if (form.empty()) return;
      for (std::size_t i = 0; i < count; ++i) {
        if (out[i] == form) return;
      }
      if (count == out.size()) out.emplace_back();
      out[count++].assign(form);
    };
    if (word.kind == WordKind::kLetters) {
      for (LanguageStems* language : stems) add(language->Stem(word.normalized));
    }
    if (plain || count == 0) add(word.normalized);
    for (std::size_t i = 0; i < count; ++i) {
      if (!sink(out[i], word.begin, word.end, i > 0)) return false;
    }
    return true;
  });
}

std::string NormalizeText(std::string_view text) {
  std::string out;
  Normalize(text, out);
  return out;
}

}  // namespace warta::search
