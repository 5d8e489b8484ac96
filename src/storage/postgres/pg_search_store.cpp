// SearchStore on PostgreSQL: a GIN index over articles.search_vector, written by
// ReindexArticle (pg_search_index.h), queried with tsquery literals of warta's own terms.
//
// Ranking: ts_rank with the column weights of SQLite's bm25 (title 4, tags 3, source 2,
// body 1, as A..D: {D, C, B, A} = {0.25, 0.5, 0.75, 1}) times the same recency boost. The
// scores differ from BM25 in scale and detail (no document-length normalization), so results
// agree with SQLite on what matches and on clear-cut orders, not on every tie.
#include <limits>
#include <string>
#include <utility>

#include "core/clock.h"
#include "search/analyzer.h"
#include "storage/postgres/pg_search.h"
#include "storage/postgres/pg_search_index.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

constexpr int kMaxLimit = 100;
constexpr int kMaxOffset = 100'000;
constexpr int kMaxQueryLanguages = 32;

// $1 tsquery, $2 source, $3 tag, $4 lang ('' = any), $5..$6 published_at range. Source
// compares ignoring case, as SQLite's NOCASE.
constexpr std::string_view kFromWhere =
    " FROM articles a WHERE a.search_vector @@ $1::TSQUERY AND a.status = 'published'"
    " AND ($2 = '' OR lower(a.source) = lower($2))"
    " AND ($3 = '' OR EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id"
    " AND t.tag = $3))"
    " AND ($4 = '' OR a.lang = $4)"
    " AND a.published_at BETWEEN $5 AND $6";

Params FilterParams(const std::string& query, const SearchFilters& filters) {
  Params params;
  params.Add(query).Add(filters.source).Add(filters.tag).Add(filters.lang);
  params.Add(filters.published_from.value_or(std::numeric_limits<std::int64_t>::min()));
  params.Add(filters.published_to.value_or(std::numeric_limits<std::int64_t>::max()));
  return params;
}

}  // namespace

Result<std::vector<std::string>> SearchLanguages(Connection& connection,
                                                 const SearchFilters& filters) {
  if (!filters.lang.empty()) return std::vector<std::string>{filters.lang};
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query("SELECT lang FROM search_languages ORDER BY lang LIMIT $1",
                                  Params().Add(kMaxQueryLanguages)));
  std::vector<std::string> languages;
  for (int i = 0; i < rows.size(); ++i) languages.push_back(rows.Text(i, 0));
  return languages;
}

Result<SearchResults> PgSearchStore::Search(const SearchRequest& request) {
  if (request.limit < 1 || request.limit > kMaxLimit || request.offset < 0 ||
      request.offset > kMaxOffset) {
    return Error::InvalidArgument("storage: search page out of range (limit " +
                                  std::to_string(request.limit) + ", offset " +
                                  std::to_string(request.offset) + ")");
  }
  if (request.terms.empty()) return SearchResults{};
  WARTA_ASSIGN_OR_RETURN(search::Analyzer * analyzer, ThreadAnalyzer());
  const std::int64_t now = request.now_unix != 0 ? request.now_unix : UnixNow();
  // One snapshot for the count and the page.
  return InReadTransaction<SearchResults>(
      pool_, [&](Connection& connection) -> Result<SearchResults> {
        SearchResults results;
        WARTA_ASSIGN_OR_RETURN(auto languages, SearchLanguages(connection, request.filters));
        const std::string query =
            BuildTsQuery(*analyzer, request.terms, request.match_any, languages);
        if (query.empty()) return results;
        // At most kMaxSearchCandidates + 1 matches, newest by id (search_store.h).
        static const std::string count_sql = "SELECT count(*) FROM (SELECT 1" +
                                             std::string(kFromWhere) +
                                             " ORDER BY a.id DESC LIMIT $7) c";
        Params count_params = FilterParams(query, request.filters);
        count_params.Add(std::int64_t{kMaxSearchCandidates} + 1);
        WARTA_ASSIGN_OR_RETURN(auto count, connection.Query(count_sql, count_params));
        results.total = count.Int64(0, 0);
        results.total_capped = results.total > kMaxSearchCandidates;
        if (results.total_capped) results.total = kMaxSearchCandidates;
        if (results.total <= request.offset) return results;
        // ts_rank (which reads each vector) for the newest $10 matches only; bodies for the
        // page's rows only.
        static const std::string page_sql =
            "SELECT p.*, (SELECT b.body_html FROM articles b WHERE b.id = p.id) FROM ("
            "SELECT * FROM (SELECT a.id, a.title, a.source, a.published_at, a.lang, a.slug,"
            " a.views, a.likes, a.comments, a.shares, ts_rank('{0.25, 0.5, 0.75, 1.0}',"
            " a.search_vector, $1::TSQUERY)"
            " * (1.0 + 14.0 / (14.0 + GREATEST(0, $7 - a.published_at) / 86400.0)) AS score" +
            std::string(kFromWhere) +
            " ORDER BY a.id DESC LIMIT $10) c"
            " ORDER BY score DESC, published_at DESC, id DESC LIMIT $8 OFFSET $9) p"
            " ORDER BY score DESC, published_at DESC, id DESC";
        Params params = FilterParams(query, request.filters);
        params.Add(now).Add(request.limit).Add(request.offset);
        params.Add(std::int64_t{kMaxSearchCandidates});
        WARTA_ASSIGN_OR_RETURN(auto rows, connection.Query(page_sql, params));
        const std::vector<std::string> wanted = QueryTerms(*analyzer, request.terms, languages);
        for (int i = 0; i < rows.size(); ++i) {
          SearchHit& hit = results.hits.emplace_back();
          model::ArticleSummary& a = hit.article;
          a.id = rows.Int64(i, 0);
          a.title = rows.Text(i, 1);
          a.source = rows.Text(i, 2);
          a.published_at = rows.Int64(i, 3);
          a.lang = rows.Text(i, 4);
          a.slug = rows.Text(i, 5);
          a.counters = {rows.Int64(i, 6), rows.Int64(i, 7), rows.Int64(i, 8), rows.Int64(i, 9)};
          hit.score = rows.Double(i, 10);
          hit.title_marked = MarkMatches(*analyzer, a.title, a.lang, wanted);
          hit.snippet = Snippet(*analyzer, IndexedBodyText(rows.Text(i, 11)), a.lang, wanted);
        }
        return results;
      });
}

Result<std::int64_t> PgSearchStore::Rebuild() {
  return InWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) -> Result<std::int64_t> {
        WARTA_RETURN_IF_ERROR(connection.Exec(
            "DELETE FROM search_languages; "
            "UPDATE articles SET search_vector = NULL WHERE status <> 'published' AND "
            "search_vector IS NOT NULL"));
        WARTA_ASSIGN_OR_RETURN(
            auto ids,
            connection.Query("SELECT id FROM articles WHERE status = 'published' ORDER BY id"));
        for (int i = 0; i < ids.size(); ++i) {
          WARTA_RETURN_IF_ERROR(ReindexArticle(connection, ids.Int64(i, 0)));
        }
        return std::int64_t{ids.size()};
      });
}

}  // namespace warta::storage::postgres
