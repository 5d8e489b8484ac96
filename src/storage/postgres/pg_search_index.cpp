#include "storage/postgres/pg_search_index.h"

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <utility>

#include "search/analyzer.h"
#include "search/highlight.h"
#include "storage/excerpt.h"

namespace warta::storage::postgres {
namespace {

constexpr std::size_t kMaxLangBytes = 16;
constexpr std::size_t kMaxPositionsPerTerm = 256;  // what a tsvector keeps per lexeme
constexpr int kMaxPosition = 16383;                // tsvector positions end here
constexpr int kColumnGap = 100;                    // no phrase spans two columns

bool IsLangTag(std::string_view tag) {
  if (tag.empty() || tag.size() > kMaxLangBytes) return false;
  return std::all_of(tag.begin(), tag.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  });
}

// As SQLite's tokenizer (sqlite/search_fts.cpp FormsFor): a document in a known language is
// indexed with its stems only, one of unknown language with the plain words and the default
// languages' stems; a query asks for every form a document might have been indexed with.
search::Forms DocumentForms(const std::string& lang) {
  search::Forms forms;
  if (IsLangTag(lang)) {
    forms.languages.push_back(lang);
    return forms;
  }
  for (std::string_view fallback : search::kDefaultLanguages)
    forms.languages.emplace_back(fallback);
  forms.plain = true;
  return forms;
}

search::Forms QueryForms(const std::vector<std::string>& languages) {
  search::Forms forms;
  for (const std::string& l : languages) {
    if (IsLangTag(l)) forms.languages.push_back(l);
  }
  for (std::string_view fallback : search::kDefaultLanguages) {
    if (std::find(forms.languages.begin(), forms.languages.end(), fallback) ==
        forms.languages.end()) {
      forms.languages.emplace_back(fallback);
    }
  }
  forms.plain = true;
  return forms;
}

// A lexeme in a tsvector or tsquery literal: quoted, with ' and \ escaped.
void AppendQuoted(std::string& out, std::string_view term) {
  out += '\'';
  for (char c : term) {
    if (c == '\'' || c == '\\') out += c;
    out += c;
  }
  out += '\'';
}

struct Posting {
  int position = 0;
  char weight = 'D';
};

// Adds the terms of `text` at positions from `*position` on.
void AddColumn(search::Analyzer& analyzer, std::string_view text, const search::Forms& forms,
               char weight, int* position, std::map<std::string, std::vector<Posting>>& terms) {
  analyzer.Tokenize(text, forms,
                    [&](std::string_view term, std::size_t, std::size_t, bool colocated) {
                      if (!colocated && *position < kMaxPosition) ++*position;
                      auto& postings = terms[std::string(term)];
                      if (postings.size() < kMaxPositionsPerTerm) {
                        postings.push_back({*position, weight});
                      }
                      return true;
                    });
  *position = std::min(*position + kColumnGap, kMaxPosition);
}

std::string CleanControls(std::string text) {
  for (char& c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t' && c != '\n') || u == 0x7F) c = ' ';
  }
  return text;
}

// Every word of `text` with whether one of its terms is wanted, by byte range.
struct MarkedWord {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool match = false;
  std::string term;  // the matching term, for counting distinct ones
};

std::vector<MarkedWord> MarkWords(search::Analyzer& analyzer, std::string_view text,
                                  const std::string& lang, const std::vector<std::string>& wanted) {
  const std::set<std::string, std::less<>> want(wanted.begin(), wanted.end());
  std::vector<MarkedWord> words;
  analyzer.Tokenize(text, DocumentForms(lang),
                    [&](std::string_view term, std::size_t begin, std::size_t end, bool colocated) {
                      if (!colocated || words.empty()) words.push_back({begin, end, false, {}});
                      MarkedWord& word = words.back();
                      if (!word.match && want.count(term) > 0) {
                        word.match = true;
                        word.term = std::string(term);
                      }
                      return true;
                    });
  return words;
}

std::string Render(std::string_view text, const std::vector<MarkedWord>& words, std::size_t first,
                   std::size_t last, std::size_t from, std::size_t to) {
  std::string out;
  std::size_t at = from;
  for (std::size_t i = first; i < last; ++i) {
    if (!words[i].match) continue;
    out.append(text.substr(at, words[i].begin - at));
    out += search::kMatchBegin;
    out.append(text.substr(words[i].begin, words[i].end - words[i].begin));
    out += search::kMatchEnd;
    at = words[i].end;
  }
  out.append(text.substr(at, to - at));
  return out;
}

}  // namespace

Result<search::Analyzer*> ThreadAnalyzer() {
  thread_local std::unique_ptr<search::Analyzer> analyzer;
  if (analyzer == nullptr) {
    auto created = search::Analyzer::Create();
    if (!created.ok()) return created.error();
    analyzer = std::move(created).value();
  }
  return analyzer.get();
}

std::string IndexedBodyText(std::string_view body_html) {
  return CleanControls(HtmlToText(body_html));
}

Result<void> ReindexArticle(Connection& connection, std::int64_t id) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query("SELECT status = 'published', lang, title, source, body_html, "
                                  "(SELECT string_agg(tag, ' ' ORDER BY position, tag) FROM "
                                  "article_tags WHERE article_id = $1) FROM articles WHERE id = $1",
                                  Params().Add(id)));
  if (rows.empty()) return Ok();
  if (!rows.Bool(0, 0)) {
    return connection.Run(
        "UPDATE articles SET search_vector = NULL WHERE id = $1 AND search_vector IS NOT NULL",
        Params().Add(id));
  }
  WARTA_ASSIGN_OR_RETURN(search::Analyzer * analyzer, ThreadAnalyzer());
  const std::string lang = rows.Text(0, 1);
  const search::Forms forms = DocumentForms(lang);
  std::map<std::string, std::vector<Posting>> terms;
  int position = 0;
  AddColumn(*analyzer, CleanControls(rows.Text(0, 2)), forms, 'A', &position, terms);
  AddColumn(*analyzer, CleanControls(rows.Text(0, 5)), forms, 'B', &position, terms);
  AddColumn(*analyzer, CleanControls(rows.Text(0, 3)), forms, 'C', &position, terms);
  AddColumn(*analyzer, IndexedBodyText(rows.Text(0, 4)), forms, 'D', &position, terms);
  std::string vector;
  for (const auto& [term, postings] : terms) {
    if (!vector.empty()) vector += ' ';
    AppendQuoted(vector, term);
    for (std::size_t i = 0; i < postings.size(); ++i) {
      vector += i == 0 ? ':' : ',';
      vector += std::to_string(postings[i].position);
      vector += postings[i].weight;
    }
  }
  WARTA_RETURN_IF_ERROR(
      connection.Run("UPDATE articles SET search_vector = $2::TSVECTOR WHERE id = $1",
                     Params().Add(id).Add(vector)));
  if (!IsLangTag(lang)) return Ok();
  return connection.Run("INSERT INTO search_languages (lang) VALUES ($1) ON CONFLICT DO NOTHING",
                        Params().Add(lang));
}

std::string BuildTsQuery(search::Analyzer& analyzer, const std::vector<std::string>& terms,
                         bool match_any, const std::vector<std::string>& languages) {
  const search::Forms forms = QueryForms(languages);
  std::string query;
  for (const std::string& term : terms) {
    // One phrase: the words follow each other (<->), each the alternatives of its forms.
    std::string phrase;
    analyzer.Tokenize(CleanControls(term), forms,
                      [&](std::string_view form, std::size_t, std::size_t, bool colocated) {
                        if (colocated) {
                          phrase += " | ";
                        } else {
                          phrase += phrase.empty() ? "( " : " ) <-> ( ";
                        }
                        AppendQuoted(phrase, form);
                        return true;
                      });
    if (phrase.empty()) continue;
    if (!query.empty()) query += match_any ? " | " : " & ";
    query += "( " + phrase + " ) )";
  }
  return query;
}

std::vector<std::string> QueryTerms(search::Analyzer& analyzer,
                                    const std::vector<std::string>& terms,
                                    const std::vector<std::string>& languages) {
  const search::Forms forms = QueryForms(languages);
  std::vector<std::string> out;
  for (const std::string& term : terms) {
    analyzer.Tokenize(CleanControls(term), forms,
                      [&](std::string_view form, std::size_t, std::size_t, bool) {
                        out.emplace_back(form);
                        return true;
                      });
  }
  return out;
}

std::string MarkMatches(search::Analyzer& analyzer, std::string_view text, const std::string& lang,
                        const std::vector<std::string>& wanted) {
  const auto words = MarkWords(analyzer, text, lang, wanted);
  return Render(text, words, 0, words.size(), 0, text.size());
}

std::string Snippet(search::Analyzer& analyzer, std::string_view text, const std::string& lang,
                    const std::vector<std::string>& wanted, std::size_t window) {
  const auto words = MarkWords(analyzer, text, lang, wanted);
  if (words.empty() || window == 0) return std::string();
  // The window with the most distinct matching terms, then the most matches, earliest first.
  std::size_t best = 0;
  std::pair<std::size_t, std::size_t> best_score{0, 0};
  for (std::size_t start = 0; start < words.size(); ++start) {
    if (start > 0 && !words[start].match) continue;  // windows worth trying start at a match
    std::set<std::string> distinct;
    std::size_t matches = 0;
    for (std::size_t i = start; i < std::min(words.size(), start + window); ++i) {
      if (!words[i].match) continue;
      ++matches;
      distinct.insert(words[i].term);
    }
    const std::pair<std::size_t, std::size_t> score{distinct.size(), matches};
    if (score > best_score) {
      best_score = score;
      best = start;
    }
  }
  // Start a few words before the first match, so it reads in context.
  const std::size_t last_start = words.size() > window ? words.size() - window : 0;
  std::size_t first = best > 0 ? std::min(best - std::min<std::size_t>(best, 3), last_start) : 0;
  const std::size_t last = std::min(words.size(), first + window);
  const std::size_t from = first == 0 ? 0 : words[first].begin;
  const std::size_t to = last == words.size() ? text.size() : words[last - 1].end;
  std::string out = first == 0 ? "" : "\u2026";
  out += Render(text, words, first, last, from, to);
  if (last < words.size()) out += "\u2026";
  return out;
}

}  // namespace warta::storage::postgres
