// What GET /search and GET /api/v1/search share: reading the query string into a search,
// and running it. Parameters: q (the words), page (1-based), source, tag, lang, from and
// to (YYYY-MM-DD, UTC days, inclusive); the API also takes limit (1..100).
#pragma once

#include <string>

#include "core/result.h"
#include "http/message.h"
#include "search/query.h"
#include "storage/search_store.h"
#include "web/context.h"

namespace warta::web {

// Deeper pages are refused (400): nobody reads result 2,001, and deep OFFSETs cost the
// database a scan of everything before them.
inline constexpr int kMaxSearchPage = 100;

struct SearchParams {
  search::Query query;
  storage::SearchFilters filters;
  int page = 1;
  int page_size = 20;
};

// InvalidArgument for a malformed page (beyond kMaxSearchPage too), limit, date or filter:
// `message` is English for API clients, `user_key` the catalog key for the HTML page. The
// query itself is never an error: it is repaired and cut (search/query.h).
Result<SearchParams> ParseSearchParams(const http::Request& request, bool allow_limit);

struct SearchOutcome {
  storage::SearchResults results;
  bool matched_any = false;  // nothing had every term, so these results have any term
  std::string suggestion;    // nothing at all matched: a corrected query, or ""
};

// Every term first; when that finds nothing and there are several terms, any term; when that
// finds nothing either, a suggestion (a failed suggestion is logged, not an error).
Result<SearchOutcome> RunSearch(Context& context, const SearchParams& params);

// "/search?q=...&page=N" with the filters of `params` (for pagination links).
std::string SearchUrl(const SearchParams& params, int page);
// The same for another query text, page 1.
std::string SearchUrlWithQuery(const SearchParams& params, std::string_view query);

}  // namespace warta::web
