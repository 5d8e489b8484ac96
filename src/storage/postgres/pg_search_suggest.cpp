// "Did you mean" on PostgreSQL: for a query that found nothing, the nearest indexed term of
// each word, turned back into a word an article really wrote (as sqlite_search_suggest.cpp).
//
// The vocabulary is ts_stat over the published articles' vectors: a scan of the index's
// vectors per call, paid only by queries that found nothing. (SQLite reads fts5vocab, which
// the index keeps; a vocabulary table kept by ReindexArticle would spare the scan on very
// large sites.)
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "search/analyzer.h"
#include "search/highlight.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_search.h"
#include "storage/postgres/pg_search_index.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

constexpr int kMaxCandidates = 20'000;  // per first letter, the most common first
constexpr std::size_t kMinWordBytes = 4;
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

struct Term {
  std::string term;
  std::int64_t documents = 0;
};

// The indexed terms starting with `letter`, most common first.
Result<std::vector<Term>> TermsStartingWith(Connection& connection, char letter) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      connection.Query("SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM articles "
                       "WHERE search_vector IS NOT NULL') WHERE word COLLATE \"C\" >= $1 AND "
                       "word COLLATE \"C\" < $2 "
                       "ORDER BY ndoc DESC, word LIMIT $3",
                       Params()
                           .Add(std::string(1, letter))
                           .Add(std::string(1, static_cast<char>(letter + 1)))
                           .Add(kMaxCandidates)));
  std::vector<Term> terms;
  for (int i = 0; i < rows.size(); ++i) terms.push_back({rows.Text(i, 0), rows.Int64(i, 1)});
  return terms;
}

// The closest indexed term to any form of a word, or "" (also when the word is indexed).
Result<std::string> NearestTerm(Connection& connection, const std::vector<std::string>& forms) {
  std::string best;
  std::size_t best_distance = 3;
  for (const std::string& form : forms) {
    const std::size_t limit = form.size() <= 5 ? 1 : 2;
    WARTA_ASSIGN_OR_RETURN(auto terms, TermsStartingWith(connection, form[0]));
    for (const Term& t : terms) {
      const std::size_t d = Distance(form, t.term, limit);
      if (d == 0) return std::string();
      if (d <= limit && d < best_distance) {
        best = t.term;
        best_distance = d;
      }
    }
  }
  return best;
}

// A word an article wrote for indexed term `term` (its first match in a title or body).
Result<std::string> SurfaceWord(Connection& connection, search::Analyzer& analyzer,
                                const std::string& term) {
  std::string query = "'";
  for (char c : term) {
    if (c == '\'' || c == '\\') query += c;
    query += c;
  }
  query += "'";
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         connection.Query("SELECT title, body_html, lang FROM articles WHERE "
                                          "search_vector @@ $1::TSQUERY ORDER BY id LIMIT 1",
                                          Params().Add(query)));
  if (rows.empty()) return std::string();
  const std::string lang = rows.Text(0, 2);
  for (const std::string& text : {rows.Text(0, 0), IndexedBodyText(rows.Text(0, 1))}) {
    const std::string marked = MarkMatches(analyzer, text, lang, {term});
    const std::size_t begin = marked.find(search::kMatchBegin);
    const std::size_t end = marked.find(search::kMatchEnd, begin);
    if (begin != std::string::npos && end != std::string::npos) {
      return marked.substr(begin + 1, end - begin - 1);
    }
  }
  return std::string();
}

}  // namespace

Result<std::vector<std::string>> PgSearchStore::Suggest(const std::vector<std::string>& terms) {
  WARTA_ASSIGN_OR_RETURN(search::Analyzer * analyzer, ThreadAnalyzer());
  return InReadTransaction<std::vector<std::string>>(
      pool_, [&](Connection& connection) -> Result<std::vector<std::string>> {
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
          WARTA_ASSIGN_OR_RETURN(std::string nearest, NearestTerm(connection, forms));
          if (nearest.empty()) continue;
          WARTA_ASSIGN_OR_RETURN(std::string word, SurfaceWord(connection, *analyzer, nearest));
          std::string folded = search::NormalizeText(word);
          if (folded.empty() || folded == term) continue;
          suggested.back() = std::move(folded);
          changed = true;
        }
        if (!changed) suggested.clear();
        return suggested;
      });
}

}  // namespace warta::storage::postgres
