#include "search/analyzer.h"

#include <unicode/brkiter.h>
#include <unicode/normalizer2.h>
#include <unicode/ubrk.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>

#include <map>
#include <optional>
#include <utility>

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
void Normalize(std::string_view text, std::string& out) {
  out.clear();
  if (IsAscii(text)) {
    out.reserve(text.size());
    for (char c : text) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
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

struct Analyzer::Impl {
  std::unique_ptr<icu::BreakIterator> words;
  // Created on first use per language; nullptr remembers "no stemmer".
  std::map<std::string, std::unique_ptr<Stemmer>, std::less<>> stemmers;
  std::string normalized;  // per-word scratch buffers, reused
  std::vector<std::string> forms;

  Stemmer* StemmerFor(std::string_view language) {
    auto it = stemmers.find(language);
    if (it == stemmers.end()) {
      it = stemmers.emplace(std::string(language), Stemmer::Create(language)).first;
    }
    return it->second.get();
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
  if (text.empty()) return true;
  UErrorCode status = U_ZERO_ERROR;
  // A UTF-8 UText: the iterator's indexes are byte offsets into `text`, no copy is made.
  UTextPtr utext(utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status));
  if (U_FAILURE(status)) return true;
  icu::BreakIterator& it = *impl_->words;
  it.setText(utext.get(), status);
  if (U_FAILURE(status)) return true;
  int32_t start = it.first();
  for (int32_t end = it.next(); end != icu::BreakIterator::DONE; start = end, end = it.next()) {
    auto kind = KindOf(it.getRuleStatus());
    if (!kind) continue;
    auto begin = static_cast<std::size_t>(start);
    auto stop = static_cast<std::size_t>(end);
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
  Stemmer* stemmer = impl_->StemmerFor(language);
  return stemmer == nullptr ? normalized_word : stemmer->Stem(normalized_word);
}

bool Analyzer::Tokenize(std::string_view text, const Forms& forms, const TermSink& sink) {
  const bool plain = forms.plain || forms.languages.empty();
  return ForEachWord(text, [&](const Word& word) {
    std::vector<std::string>& out = impl_->forms;
    out.clear();
    auto add = [&out](std::string_view form) {
      if (form.empty()) return;
      for (const std::string& have : out) {
        if (have == form) return;
      }
      out.emplace_back(form);
    };
    if (word.kind == WordKind::kLetters) {
      for (const std::string& language : forms.languages) add(Stem(language, word.normalized));
    }
    if (plain || out.empty()) add(word.normalized);
    for (std::size_t i = 0; i < out.size(); ++i) {
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
