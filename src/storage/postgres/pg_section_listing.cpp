// A section's and an author's public articles on PostgreSQL, as in
// sqlite/sqlite_section_listing.cpp: keyset pages and bounded counts on
// articles_section_public_idx and article_authors_listing_idx.
#include <string>

#include "storage/list_cursor.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_editorial.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

// $1 excerpt length, $2 section, $3 limit, $4 offset, [$5 $6 the cursor].
std::string SectionSql(bool cursor) {
  return std::string("SELECT ") + kSummaryColumns + " FROM articles WHERE " + kPublicOnly +
         " AND section_id = $2" +
         (cursor ? " AND (published_at, id) < ($5::BIGINT, $6::BIGINT)" : "") +
         " ORDER BY published_at DESC, id DESC LIMIT $3 OFFSET $4";
}

// The author's newest links (one range scan, at most limit + offset entries), then their
// articles. $1 excerpt length, $2 author, $3 limit, $4 offset, [$5 $6 the cursor].
std::string AuthorSql(bool cursor) {
  return std::string("SELECT ") + kSummaryColumns + " FROM articles WHERE " + kPublicOnly +
         " AND id IN (SELECT article_id FROM article_authors WHERE author_id = $2 AND "
         "listed_at IS NOT NULL" +
         (cursor ? " AND (listed_at, article_id) < ($5::BIGINT, $6::BIGINT)" : "") +
         " ORDER BY listed_at DESC, article_id DESC LIMIT $3::BIGINT + $4::BIGINT)"
         " ORDER BY published_at DESC, id DESC LIMIT $3 OFFSET $4";
}

Result<std::vector<model::ArticleSummary>> ListPublic(Pool& pool, const std::string& sql,
                                                      std::int64_t owner, int limit, int offset,
                                                      const std::optional<ListCursor>& after) {
  WARTA_RETURN_IF_ERROR(CheckListBounds(limit, offset));
  std::vector<model::ArticleSummary> out;
  if (limit == 0) return out;
  Params params;
  params.Add(kExcerptSourceChars).Add(owner).Add(limit).Add(offset);
  if (after) params.Add(after->published_at).Add(after->id);
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool, sql, params));
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadSummaryRow(rows, i));
  return out;
}

}  // namespace

Result<std::vector<model::ArticleSummary>> PgEditorialStore::ListBySection(std::int64_t section_id,
                                                                           int limit, int offset) {
  static const std::string sql = SectionSql(false);
  return ListPublic(pool_, sql, section_id, limit, offset, std::nullopt);
}

Result<std::vector<model::ArticleSummary>> PgEditorialStore::ListBySectionAfter(
    std::int64_t section_id, int limit, const std::optional<ListCursor>& after) {
  static const std::string with = SectionSql(true);
  static const std::string without = SectionSql(false);
  return ListPublic(pool_, after ? with : without, section_id, limit, 0, after);
}

Result<std::int64_t> PgEditorialStore::CountBySection(std::int64_t section_id, std::int64_t cap) {
  WARTA_RETURN_IF_ERROR(CheckCountCap(cap));
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_,
                                   "SELECT count(*) FROM (SELECT 1 FROM articles WHERE status = "
                                   "'published' AND section_id = $1 LIMIT $2) c",
                                   Params().Add(section_id).Add(cap)));
  return rows.Int64(0, 0);
}

Result<std::vector<model::ArticleSummary>> PgEditorialStore::ListByAuthor(std::int64_t author_id,
                                                                          int limit, int offset) {
  static const std::string sql = AuthorSql(false);
  return ListPublic(pool_, sql, author_id, limit, offset, std::nullopt);
}

Result<std::vector<model::ArticleSummary>> PgEditorialStore::ListByAuthorAfter(
    std::int64_t author_id, int limit, const std::optional<ListCursor>& after) {
  static const std::string with = AuthorSql(true);
  static const std::string without = AuthorSql(false);
  return ListPublic(pool_, after ? with : without, author_id, limit, 0, after);
}

Result<std::int64_t> PgEditorialStore::CountByAuthor(std::int64_t author_id, std::int64_t cap) {
  WARTA_RETURN_IF_ERROR(CheckCountCap(cap));
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_,
                                   "SELECT count(*) FROM (SELECT 1 FROM article_authors WHERE "
                                   "author_id = $1 AND listed_at IS NOT NULL LIMIT $2) c",
                                   Params().Add(author_id).Add(cap)));
  return rows.Int64(0, 0);
}

}  // namespace warta::storage::postgres
