#include "storage/sqlite/sqlite_search_store.h"

#include <limits>
#include <string>
#include <utility>

#include "core/clock.h"
#include "search/highlight.h"
#include "storage/sqlite/search_fts.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kMaxLimit = 100;
constexpr int kMaxOffset = 100'000;
constexpr int kMaxQueryLanguages = 32;

// The SQL below writes the match markers as char(2) and char(3).
static_assert(search::kMatchBegin == '\x02' && search::kMatchEnd == '\x03');

// Shared by the count and the page query. ?1 MATCH, ?2 source, ?3 tag, ?4 lang ('' = any),
// ?5..?6 published_at range. CROSS JOIN keeps the FTS5 scan as the outer loop.
constexpr std::string_view kFromWhere =
    " FROM search_index CROSS JOIN articles a ON a.id = search_index.rowid"
    " WHERE search_index MATCH ?1 AND a.status = 'published'"
    " AND (?2 = '' OR a.source = ?2 COLLATE NOCASE)"
    " AND (?3 = '' OR EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id"
    " AND t.tag = ?3))"
    " AND (?4 = '' OR a.lang = ?4)"
    " AND a.published_at BETWEEN ?5 AND ?6";

// At most kMaxSearchCandidates + 1 matches, newest first by rowid (FTS5 walks its doclists
// backwards and stops): "more than the bound" without counting every match.
const std::string& CountSql() {
  static const std::string sql = "SELECT count(*) FROM (SELECT 1" + std::string(kFromWhere) +
                                 " ORDER BY search_index.rowid DESC LIMIT ?7)";
  return sql;
}

// BM25 weights follow the column order (title, body, source, tags). bm25() is negative,
// better matches more so. The recency factor is documented in store.h (H = 14 days). Only the
// newest ?10 matches are scored (the inner query stops there), then ranked and paged.
const std::string& PageSql() {
  static const std::string sql =
      "SELECT * FROM (SELECT a.id, a.title, a.source, a.published_at, a.lang, a.slug,"
      " a.views, a.likes, a.comments, a.shares,"
      " -bm25(search_index, 4.0, 1.0, 2.0, 3.0)"
      " * (1.0 + 14.0 / (14.0 + max(0, ?7 - a.published_at) / 86400.0)) AS score" +
      std::string(kFromWhere) +
      " ORDER BY search_index.rowid DESC LIMIT ?10)"
      " ORDER BY score DESC, published_at DESC, id DESC LIMIT ?8 OFFSET ?9";
  return sql;
}

// Highlights for one hit only: snippet() over every match before LIMIT would tokenize the
// bodies of all matching articles.
constexpr const char* kHighlightSql =
    "SELECT highlight(search_index, 0, char(2), char(3)),"
    " snippet(search_index, 1, char(2), char(3), '\u2026', 32)"
    " FROM search_index WHERE search_index MATCH ?1 AND rowid = ?2";

constexpr const char* kBackfillSql = R"sql(
INSERT INTO search_index (rowid, title, body, source, tags)
  SELECT id, warta_search_text(lang, title), warta_search_html(lang, body_html),
         warta_search_text(lang, source),
         warta_search_text(lang, (SELECT group_concat(tag, ' ') FROM article_tags
                                  WHERE article_id = articles.id))
  FROM articles WHERE status = 'published';
DELETE FROM search_languages;
INSERT OR IGNORE INTO search_languages (lang) SELECT DISTINCT lang FROM articles
  WHERE status = 'published';
)sql";

Result<std::vector<std::string>> QueryLanguages(Connection& connection,
                                                const SearchFilters& filters) {
  if (!filters.lang.empty()) return std::vector<std::string>{filters.lang};
  WARTA_ASSIGN_OR_RETURN(
      auto stmt, connection.Prepare("SELECT lang FROM search_languages ORDER BY lang LIMIT ?"));
  stmt.Bind(1, std::int64_t{kMaxQueryLanguages});
  std::vector<std::string> languages;
  for (;;) {
    WARTA_ASSIGN_OR_RETURN(auto row, stmt.Step());
    if (!row) return languages;
    languages.push_back(stmt.Text(0));
  }
}

void BindFilters(Statement& stmt, const std::string& match, const SearchFilters& filters) {
  stmt.Bind(1, match).Bind(2, filters.source).Bind(3, filters.tag).Bind(4, filters.lang);
  stmt.Bind(5, filters.published_from.value_or(std::numeric_limits<std::int64_t>::min()));
  stmt.Bind(6, filters.published_to.value_or(std::numeric_limits<std::int64_t>::max()));
}

Result<void> AddHighlights(Connection& connection, const std::string& match, SearchHit& hit) {
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(kHighlightSql));
  stmt.Bind(1, match).Bind(2, hit.article.id);
  WARTA_ASSIGN_OR_RETURN(auto row, stmt.Step());
  if (row) {
    hit.title_marked = std::string(StripLangMarker(stmt.Text(0)));
    hit.snippet = std::string(StripLangMarker(stmt.Text(1)));
  }
  return stmt.Run();
}

Result<std::vector<SearchHit>> ReadPage(Connection& connection, const std::string& match,
                                        const SearchRequest& request) {
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(PageSql()));
  BindFilters(stmt, match, request.filters);
  stmt.Bind(7, request.now_unix != 0 ? request.now_unix : UnixNow());
  stmt.Bind(8, std::int64_t{request.limit}).Bind(9, std::int64_t{request.offset});
  stmt.Bind(10, std::int64_t{kMaxSearchCandidates});
  std::vector<SearchHit> hits;
  for (;;) {
    WARTA_ASSIGN_OR_RETURN(auto row, stmt.Step());
    if (!row) break;
    SearchHit& hit = hits.emplace_back();
    model::ArticleSummary& a = hit.article;
    a.id = stmt.Int64(0);
    a.title = stmt.Text(1);
    a.source = stmt.Text(2);
    a.published_at = stmt.Int64(3);
    a.lang = stmt.Text(4);
    a.slug = stmt.Text(5);
    a.counters = {stmt.Int64(6), stmt.Int64(7), stmt.Int64(8), stmt.Int64(9)};
    hit.score = stmt.Double(10);
  }
  return hits;
}

}  // namespace

std::string BuildMatchExpression(const std::vector<std::string>& terms, bool match_any,
                                 const std::vector<std::string>& languages) {
  const std::string marker = LangMarker(languages);
  std::string match;
  for (const std::string& term : terms) {
    std::string quoted = "\"" + marker;
    bool has_text = false;
    for (char c : term) {
      auto u = static_cast<unsigned char>(c);
      // Control characters would end or fake the marker; a quote is doubled, which is the
      // only escape inside an FTS5 string.
      if (u < 0x20 || u == 0x7F) c = ' ';
      if (c == '"') quoted += '"';
      has_text = has_text || c != ' ';
      quoted += c;
    }
    if (!has_text) continue;
    if (!match.empty()) match += match_any ? " OR " : " AND ";
    match += quoted + "\"";
  }
  return match;
}

Result<SearchResults> SqliteSearchStore::Search(const SearchRequest& request) {
  if (request.limit < 1 || request.limit > kMaxLimit || request.offset < 0 ||
      request.offset > kMaxOffset) {
    return Error::InvalidArgument("storage: search page out of range (limit " +
                                  std::to_string(request.limit) + ", offset " +
                                  std::to_string(request.offset) + ")");
  }
  SearchResults results;
  if (request.terms.empty()) return results;
  WARTA_ASSIGN_OR_RETURN(auto connection, pool_.Acquire());
  // One snapshot for the count, the page and its highlights.
  WARTA_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(*connection, Transaction::Mode::kDeferred));
  WARTA_ASSIGN_OR_RETURN(auto languages, QueryLanguages(*connection, request.filters));
  const std::string match = BuildMatchExpression(request.terms, request.match_any, languages);
  if (match.empty()) return results;
  {
    WARTA_ASSIGN_OR_RETURN(auto count, connection->Prepare(CountSql()));
    BindFilters(count, match, request.filters);
    count.Bind(7, std::int64_t{kMaxSearchCandidates} + 1);
    WARTA_ASSIGN_OR_RETURN(auto row, count.Step());
    results.total = row ? count.Int64(0) : 0;
    results.total_capped = results.total > kMaxSearchCandidates;
    if (results.total_capped) results.total = kMaxSearchCandidates;
  }
  if (results.total > request.offset) {
    auto hits = ReadPage(*connection, match, request);
    if (!hits.ok()) return hits.error();
    results.hits = std::move(hits).value();
    for (SearchHit& hit : results.hits) {
      WARTA_RETURN_IF_ERROR(AddHighlights(*connection, match, hit));
    }
  }
  WARTA_RETURN_IF_ERROR(tx.Commit());
  return results;
}

Result<std::int64_t> SqliteSearchStore::Rebuild() {
  WARTA_ASSIGN_OR_RETURN(auto connection, pool_.Acquire());
  WARTA_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(*connection, Transaction::Mode::kImmediate));
  // 'rebuild' first drops the whole inverted index (whatever analysis made it), so the
  // DELETE that follows finds the postings it removes; then the text is stored afresh.
  WARTA_RETURN_IF_ERROR((connection)
                            ->Exec("INSERT INTO search_index (search_index) VALUES ('rebuild'); "
                                   "DELETE FROM search_index;"));
  WARTA_RETURN_IF_ERROR(connection->Exec(kBackfillSql));
  WARTA_ASSIGN_OR_RETURN(auto count, connection->Prepare("SELECT count(*) FROM search_index"));
  WARTA_ASSIGN_OR_RETURN(auto row, count.Step());
  std::int64_t indexed = row ? count.Int64(0) : 0;
  WARTA_RETURN_IF_ERROR(count.Run());
  WARTA_RETURN_IF_ERROR(tx.Commit());
  return indexed;
}

}  // namespace warta::storage::sqlite
