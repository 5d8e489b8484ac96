// The search box: the query parser and the analyzer (ICU word breaks, NFKC_Casefold,
// Snowball stemmers) on any bytes, with the bounds query.h promises.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/utf8.h"
#include "fuzz/fuzz_check.h"
#include "search/analyzer.h"
#include "search/query.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace warta::search;
  const auto text = warta::fuzz::Bytes(data, size);

  auto query = ParseQuery(text);
  WARTA_FUZZ_CHECK(query.ok());  // "never fails on any input"
  WARTA_FUZZ_CHECK(query->text.size() <= kMaxQueryBytes);
  WARTA_FUZZ_CHECK(warta::utf8::IsValid(query->text));
  WARTA_FUZZ_CHECK(query->terms.size() <= kMaxQueryTerms);
  for (const std::string& term : query->terms) WARTA_FUZZ_CHECK(!term.empty());

  // What articles are indexed with: every stemmer language, and the plain words.
  static std::unique_ptr<Analyzer> analyzer = [] {
    auto created = Analyzer::Create();
    WARTA_FUZZ_CHECK(created.ok());
    return std::move(*created);
  }();
  Forms forms;
  forms.languages = {"en", "id", "ja"};
  forms.plain = true;
  analyzer->Tokenize(text, forms,
                     [&](std::string_view term, std::size_t begin, std::size_t end, bool) {
                       WARTA_FUZZ_CHECK(begin <= end && end <= text.size());
                       WARTA_FUZZ_CHECK(warta::utf8::IsValid(term));
                       return true;
                     });
  WARTA_FUZZ_CHECK(warta::utf8::IsValid(NormalizeText(text)));
  return 0;
}
