#include "search/query.h"

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <memory>

#include "core/ascii.h"
#include "core/utf8.h"
#include "search/analyzer.h"

namespace warta::search {
namespace {

bool IsSeparator(UChar32 c) { return c < 0 || u_isUWhiteSpace(c) || u_iscntrl(c); }

// The analyzer of this thread: ICU break iterators and stemmers are not thread-safe.
Result<Analyzer*> ThreadAnalyzer() {
  thread_local std::unique_ptr<Analyzer> analyzer;
  if (analyzer == nullptr) {
    WARTA_ASSIGN_OR_RETURN(analyzer, Analyzer::Create());
  }
  return analyzer.get();
}

class TermCollector {
 public:
  explicit TermCollector(Analyzer& analyzer) : analyzer_(analyzer) {}

  // Adds the words of `chunk` as one term (a phrase when there are several).
  void Add(std::string_view chunk) {
    std::string term;
    analyzer_.ForEachWord(chunk, [&term](const Word& word) {
      if (!term.empty()) term += ' ';
      term += word.normalized;
      return true;
    });
    if (term.empty()) return;
    for (const std::string& have : terms_) {
      if (have == term) return;
    }
    if (terms_.size() == kMaxQueryTerms) {
      dropped_ = true;
      return;
    }
    terms_.push_back(std::move(term));
  }

  // Adds every space-separated chunk of `text` as its own term.
  void AddChunks(std::string_view text) {
    std::size_t chunk_start = 0;
    std::size_t i = 0;
    while (i < text.size()) {
      std::size_t at = i;
      UChar32 c = 0;
      U8_NEXT(text.data(), i, text.size(), c);
      if (IsSeparator(c)) {
        if (at > chunk_start) Add(text.substr(chunk_start, at - chunk_start));
        chunk_start = i;
      }
    }
    if (text.size() > chunk_start) Add(text.substr(chunk_start));
  }

  std::vector<std::string> Take() { return std::move(terms_); }
  bool dropped() const { return dropped_; }

 private:
  Analyzer& analyzer_;
  std::vector<std::string> terms_;
  bool dropped_ = false;
};

}  // namespace

std::string RepairUtf8(std::string_view text) {
  // ICU's conversion replaces each ill-formed sequence (overlong forms, surrogates, stray
  // continuation bytes, truncated sequences) with U+FFFD.
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())))
      .toUTF8String(out);
  return out;
}

std::string_view CutUtf8(std::string_view text, std::size_t max_bytes) {
  return text.substr(0, utf8::CutPoint(text, max_bytes));
}

Result<Query> ParseQuery(std::string_view raw) {
  WARTA_ASSIGN_OR_RETURN(auto analyzer, ThreadAnalyzer());
  Query query;
  // Trim and cut before repairing, so a 10 MB query costs no more than a short one (repair
  // can only grow the text: each bad byte becomes the 3-byte U+FFFD).
  std::string_view trimmed = ascii::Trim(raw);
  std::string repaired = RepairUtf8(trimmed.substr(0, kMaxQueryBytes * 2));
  std::string_view cut = CutUtf8(repaired, kMaxQueryBytes);
  query.truncated = cut.size() < repaired.size() || trimmed.size() > kMaxQueryBytes * 2;
  query.text = std::string(ascii::Trim(cut));

  TermCollector terms(*analyzer);
  std::string_view rest = query.text;
  for (;;) {
    std::size_t open = rest.find('"');
    std::size_t close = open == std::string_view::npos ? open : rest.find('"', open + 1);
    if (close == std::string_view::npos) {
      // No quotes left, or an unbalanced one: the rest is plain chunks.
      terms.AddChunks(rest);
      break;
    }
    terms.AddChunks(rest.substr(0, open));
    terms.Add(rest.substr(open + 1, close - open - 1));
    rest.remove_prefix(close + 1);
  }
  query.truncated = query.truncated || terms.dropped();
  query.terms = terms.Take();
  return query;
}

}  // namespace warta::search
