// A section's and an author's public articles, newest first: keyset pages and bounded counts
// on articles_section_public_idx (section_id, published_at DESC, id DESC) and
// article_authors_listing_idx (author_id, listed_at DESC, article_id DESC).
#include <string>

#include "storage/list_cursor.h"
#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/sqlite_newsroom.h"
#include "storage/sqlite/statement_helpers.h"

namespace warta::storage::sqlite {
namespace {

// ?1 excerpt length, ?2 section, ?3 limit, ?4 offset, [?5 ?6 the cursor].
std::string SectionSql(bool cursor) {
  return std::string("SELECT ") + kSummaryColumns + " FROM articles WHERE " + kPublicOnly +
         " AND section_id = ?2" + (cursor ? " AND (published_at, id) < (?5, ?6)" : "") +
         " ORDER BY published_at DESC, id DESC LIMIT ?3 OFFSET ?4";
}

// The author's newest links (one range scan, at most limit + offset entries), then their
// articles. ?1 excerpt length, ?2 author, ?3 limit, ?4 offset, [?5 ?6 the cursor].
std::string AuthorSql(bool cursor) {
  return std::string("SELECT ") + kSummaryColumns + " FROM articles WHERE " + kPublicOnly +
         " AND id IN (SELECT article_id FROM article_authors WHERE author_id = ?2 AND "
         "listed_at IS NOT NULL" +
         (cursor ? " AND (listed_at, article_id) < (?5, ?6)" : "") +
         " ORDER BY listed_at DESC, article_id DESC LIMIT ?3 + ?4)"
         " ORDER BY published_at DESC, id DESC LIMIT ?3 OFFSET ?4";
}

Result<std::vector<model::ArticleSummary>> ListPublic(ConnectionPool& pool, const std::string& sql,
                                                      std::int64_t owner, int limit, int offset,
                                                      const std::optional<ListCursor>& after) {
  WARTA_RETURN_IF_ERROR(CheckListBounds(limit, offset));
  if (limit == 0) return std::vector<model::ArticleSummary>{};
  return QueryAll(
      pool, sql,
      [&](Statement& stmt) {
        stmt.Bind(1, kExcerptSourceChars).Bind(2, owner).Bind(3, std::int64_t{limit});
        stmt.Bind(4, std::int64_t{offset});
        if (after) stmt.Bind(5, after->published_at).Bind(6, after->id);
      },
      ReadSummaryRow);
}

}  // namespace

Result<std::vector<model::ArticleSummary>> SqliteEditorialStore::ListBySection(
    std::int64_t section_id, int limit, int offset) {
  static const std::string sql = SectionSql(false);
  return ListPublic(pool_, sql, section_id, limit, offset, std::nullopt);
}

Result<std::vector<model::ArticleSummary>> SqliteEditorialStore::ListBySectionAfter(
    std::int64_t section_id, int limit, const std::optional<ListCursor>& after) {
  static const std::string with = SectionSql(true);
  static const std::string without = SectionSql(false);
  return ListPublic(pool_, after ? with : without, section_id, limit, 0, after);
}

Result<std::int64_t> SqliteEditorialStore::CountBySection(std::int64_t section_id,
                                                          std::int64_t cap) {
  WARTA_RETURN_IF_ERROR(CheckCountCap(cap));
  return QueryOneInt64(pool_,
                       "SELECT count(*) FROM (SELECT 1 FROM articles WHERE status = 'published' "
                       "AND section_id = ?1 LIMIT ?2)",
                       [&](Statement& stmt) { stmt.Bind(1, section_id).Bind(2, cap); });
}

Result<std::vector<model::ArticleSummary>> SqliteEditorialStore::ListByAuthor(
    std::int64_t author_id, int limit, int offset) {
  static const std::string sql = AuthorSql(false);
  return ListPublic(pool_, sql, author_id, limit, offset, std::nullopt);
}

Result<std::vector<model::ArticleSummary>> SqliteEditorialStore::ListByAuthorAfter(
    std::int64_t author_id, int limit, const std::optional<ListCursor>& after) {
  static const std::string with = AuthorSql(true);
  static const std::string without = AuthorSql(false);
  return ListPublic(pool_, after ? with : without, author_id, limit, 0, after);
}

Result<std::int64_t> SqliteEditorialStore::CountByAuthor(std::int64_t author_id, std::int64_t cap) {
  WARTA_RETURN_IF_ERROR(CheckCountCap(cap));
  return QueryOneInt64(pool_,
                       "SELECT count(*) FROM (SELECT 1 FROM article_authors WHERE author_id = ?1 "
                       "AND listed_at IS NOT NULL LIMIT ?2)",
                       [&](Statement& stmt) { stmt.Bind(1, author_id).Bind(2, cap); });
}

}  // namespace warta::storage::sqlite
