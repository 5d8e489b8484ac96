// Full-text search over the title, body, source and tags of every published article. The
// index follows the articles by itself: inserts, edits (title, body, source, language, tags),
// status changes (an article enters the index when it is published and leaves it when it
// stops being public) and deletes from any writer are indexed in the same transaction, so
// nobody indexes by hand.
//
// Ranking: BM25 (columns weighted title 4, tags 3, source 2, body 1) times a recency boost
// 1 + H / (H + age in days) with H = 14: a new article counts double, a two-week-old one 1.5
// times, a year-old one 1.04 times (docs/decisions/0004-search.md).
//
// Bounded at any size: only the newest kMaxSearchCandidates matches (by article id: the order
// articles arrived, which follows publication) are ranked, counted and paged, so a common word
// on a million articles costs what it costs on a few thousand; highlights and snippets are
// made for the returned page only. Past the bound, SearchResults::total_capped says "more".
//
// The request and its answer stay here, beside the one store that reads and writes them.
//
// Errors: InvalidArgument as each method says; Io or Unavailable when the database fails.
// Transactions: Search reads one snapshot (the total and the hits agree); Rebuild is one
// write transaction.
// Durability: Rebuild is committed before returning (not synced: rebuilding again is safe).
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/article.h"

namespace warta::storage {

// Narrows a search; empty strings and nullopt mean "any".
struct SearchFilters {
  std::string source;                          // the outlet, ignoring ASCII case ("MAINICHI")
  std::string tag;                             // one tag, exactly
  std::string lang;                            // the article's language tag ("id", "en", "ja")
  std::optional<std::int64_t> published_from;  // unix seconds, inclusive
  std::optional<std::int64_t> published_to;    // unix seconds, inclusive
};

struct SearchRequest {
  // Each term is a word or a phrase as search::ParseQuery makes them: normalized words joined
  // by single spaces. Plain text: the backend quotes it, so it never acts as query syntax.
  std::vector<std::string> terms;
  bool match_any = false;  // any term instead of every term
  SearchFilters filters;
  int limit = 20;             // 1..100
  int offset = 0;             // 0..100000
  std::int64_t now_unix = 0;  // the "now" of the recency boost; 0: the current time
};

// One match. title_marked and snippet are plain text with each matching word wrapped in
// search::kMatchBegin / kMatchEnd (search/highlight.h turns them into <mark>).
struct SearchHit {
  model::ArticleSummary article;  // excerpt left empty
  std::string title_marked;
  std::string snippet;  // ~32 words of the body around the best matches
  double score = 0;     // higher is better
};

// Matches ranked per search at most (see above).
inline constexpr int kMaxSearchCandidates = 1000;

struct SearchResults {
  // Matches over all pages, at most kMaxSearchCandidates; total_capped: there are more.
  std::int64_t total = 0;
  bool total_capped = false;
  std::vector<SearchHit> hits;
};

class SearchStore {
 public:
  virtual ~SearchStore() = default;
  // Best first. No terms: no results. InvalidArgument for limit or offset out of range.
  virtual Result<SearchResults> Search(const SearchRequest& request) = 0;
  // Rebuilds the whole index from the articles (after a change of the text analysis) and
  // returns the number of articles indexed.
  virtual Result<std::int64_t> Rebuild() = 0;
  // "Did you mean": for terms that found nothing, the terms with each misspelled word (ASCII
  // letters, 4..40 bytes) replaced by the nearest word the articles use (edit distance 1, or
  // 2 for words over 5 letters; same first letter; the most common on ties), or an empty list
  // when no word changes. Phrases and other scripts are kept as they are.
  virtual Result<std::vector<std::string>> Suggest(const std::vector<std::string>& terms) = 0;
};

}  // namespace warta::storage
