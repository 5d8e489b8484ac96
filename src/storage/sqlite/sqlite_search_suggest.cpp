// "Did you mean": for a query that found nothing, the nearest indexed word of each term.
// The index holds terms (stems, folded words), so a candidate term is turned back into a
// word an article really wrote by highlighting it in one article that has it.
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "search/analyzer.h"
#include "search/highlight.h"
#include "storage/sqlite/search_fts.h"
#include "storage/sqlite/sqlite_search_store.h"

namespace warta::storage::sqlite {
namespace {

// Index terms read per query word: every term with the word's first letter, at most this many
// (a bound on the work for one request on a very large index; the most common come first).
constexpr int kMaxCandidates = 20'000;
constexpr std::size_t kMinWordBytes = 4;  // shorter words have too many neighbours
constexpr std::size_t kMaxWordBytes = 40;

// Levenshtein distance over bytes, giving up (returning limit + 1) once it exceeds `limit`.
std::size_t Distance(std::string_view a, std::string_view b, std::size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return row[b.size()];
}

bool IsAsciiLetters(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool IsAsciiWord(std::string_view word) {
  return word.size() >= kMinWordBytes && word.size() <= kMaxWordBytes && IsAsciiLetters(word);
}

struct Candidate {
  std::string term;
  std::size_t distance = 0;
  std::int64_t documents = 0;
};

// The closest index term to any form of a word (the word and its stems), or none. Each form
// is compared with the terms that share its first letter.
Result<Candidate> NearestTerm(Connection& connection, const std::vector<std::string>& forms) {
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare(
          "SELECT term, doc FROM search_vocab WHERE term >= ?1 AND term < ?2 ORDER BY doc DESC "
          "LIMIT ?3"));
  Candidate best{"", 3, 0};
  for (const std::string& form : forms) {
    const std::size_t limit = form.size() <= 5 ? 1 : 2;
    stmt.Reset();
    stmt.Bind(1, std::string(1, form[0]));
    stmt.Bind(2, std::string(1, static_cast<char>(form[0] + 1)));
    stmt.Bind(3, std::int64_t{kMaxCandidates});
    for (;;) {
      WARTA_ASSIGN_OR_RETURN(auto row, stmt.Step());
      if (!row) break;
      std::string term = stmt.Text(0);
      std::size_t d = Distance(form, term, limit);
      if (d == 0) return Candidate{};  // the word is indexed: nothing to correct
      if (d <= limit && d < best.distance) best = {std::move(term), d, stmt.Int64(1)};
    }
  }
  return best.term.empty() ? Candidate{} : best;
}

// A word an article wrote for index term `term` (the first match of the term in its title or
// body), or "" when none is found.
Result<std::string> SurfaceWord(Connection& connection, const std::string& term) {
  WARTA_ASSIGN_OR_RETURN(
      auto stmt, connection.Prepare("SELECT highlight(search_index, 0, char(2), char(3)),"
                                    " snippet(search_index, 1, char(2), char(3), '', 4)"
                                    " FROM search_index WHERE search_index MATCH ?1 LIMIT 1"));
  // No language in the marker: the term itself is among the query forms.
  stmt.Bind(1, "\"" + LangMarker({}) + term + "\"");
  WARTA_ASSIGN_OR_RETURN(auto row, stmt.Step());
  if (!row) return std::string();
  for (int column : {0, 1}) {
    std::string marked = stmt.Text(column);
    std::size_t begin = marked.find(search::kMatchBegin);
    std::size_t end = marked.find(search::kMatchEnd, begin);
    if (begin != std::string::npos && end != std::string::npos) {
      return marked.substr(begin + 1, end - begin - 1);
    }
  }
  return std::string();
}

}  // namespace

Result<std::vector<std::string>> SqliteSearchStore::Suggest(const std::vector<std::string>& terms) {
  thread_local std::unique_ptr<search::Analyzer> analyzer;
  if (analyzer == nullptr) {
    auto created = search::Analyzer::Create();
    if (!created.ok()) return created.error();
    analyzer = std::move(created).value();
  }
  WARTA_ASSIGN_OR_RETURN(auto connection, pool_.Acquire());
  std::vector<std::string> suggested;
  bool changed = false;
  for (const std::string& term : terms) {
    suggested.push_back(term);
    if (!IsAsciiWord(term)) continue;
    std::vector<std::string> forms{term};
    for (std::string_view language : search::kDefaultLanguages) {
      std::string stem(analyzer->Stem(language, term));
      if (stem.size() >= kMinWordBytes - 1 && IsAsciiLetters(stem) &&
          std::find(forms.begin(), forms.end(), stem) == forms.end()) {
        forms.push_back(stem);
      }
    }
    WARTA_ASSIGN_OR_RETURN(auto nearest, NearestTerm(*connection, forms));
    if (nearest.term.empty()) continue;
    WARTA_ASSIGN_OR_RETURN(auto word, SurfaceWord(*connection, nearest.term));
    std::string folded = search::NormalizeText(word);
    if (folded.empty() || folded == term) continue;
    suggested.back() = std::move(folded);
    changed = true;
  }
  if (!changed) suggested.clear();
  return suggested;
}

}  // namespace warta::storage::sqlite
