// Listings for feeds out and sitemaps (storage/listing_store.h).
#include <string>

#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

Error OutOfRange(const char* what, std::int64_t value) {
  return Error::InvalidArgument(std::string("storage: ") + what +
                                " out of range: " + std::to_string(value));
}

// Sitemap rows; the last column is SitemapRow::canonical_elsewhere (an original URL to defer
// to, and a source asking for that).
constexpr std::string_view kSitemapSelect =
    "SELECT a.id, a.slug, a.title, a.lang, a.published_at, a.updated_at, "
    "a.url LIKE 'http%' AND EXISTS (SELECT 1 FROM sources s WHERE s.id = a.source_id AND "
    "s.canonical = 'original') FROM articles a ";

// Columns: those of kSitemapSelect.
SitemapRow ReadSitemapRow(const Statement& stmt) {
  SitemapRow r;
  r.id = stmt.Int64(0);
  r.slug = stmt.Text(1);
  r.title = stmt.Text(2);
  r.lang = stmt.Text(3);
  r.published_at = stmt.Int64(4);
  r.updated_at = stmt.Int64(5);
  r.canonical_elsewhere = stmt.Int64(6) != 0;
  return r;
}

// Columns: name, count.
NameCount ReadNameCount(const Statement& stmt) { return NameCount(stmt.Text(0), stmt.Int64(1)); }

}  // namespace

Result<std::vector<model::Article>> SqliteListingStore::NewestArticles(const ListingFilter& filter,
                                                                       int limit) {
  if (limit < 1 || limit > kMaxFeedItems) return OutOfRange("feed limit", limit);
  if (!filter.source.empty() && !filter.tag.empty()) {
    return Error::InvalidArgument("storage: filter by source or by tag, not both");
  }
  std::string sql = std::string("SELECT ") + kArticleColumns + " FROM articles a ";
  if (!filter.tag.empty()) {
    sql += "JOIN article_tags t ON t.article_id = a.id WHERE t.tag = ? AND ";
  } else if (!filter.source.empty()) {
    sql += "WHERE a.source = ? AND ";
  } else {
    sql += "WHERE ";
  }
  sql += std::string("a.") + kPublicOnly + " ORDER BY a.published_at DESC, a.id DESC LIMIT ?";
  // One snapshot for the rows and their tags.
  return InReadTransaction<std::vector<model::Article>>(
      pool_, [&](Connection& connection) -> Result<std::vector<model::Article>> {
        auto bind = [&](Statement& stmt) {
          int index = 1;
          if (!filter.tag.empty()) stmt.Bind(index++, filter.tag);
          if (!filter.source.empty()) stmt.Bind(index++, filter.source);
          stmt.Bind(index, std::int64_t{limit});
        };
        WARTA_ASSIGN_OR_RETURN(auto articles, QueryAll(connection, sql, bind, ReadArticleRow));
        for (model::Article& a : articles) {
          auto tags = ReadTags(connection, a.id);
          if (!tags.ok()) return tags.error();
          a.tags = std::move(tags).value();
        }
        return articles;
      });
}

Result<std::vector<NameCount>> SqliteListingStore::SourceNames(int limit) {
  if (limit < 1 || limit > kMaxNameRows) return OutOfRange("name limit", limit);
  return QueryAll(
      pool_,
      "SELECT source, count(*) AS n FROM articles WHERE source <> '' AND status = 'published' "
      "GROUP BY source ORDER BY n DESC, source LIMIT ?",
      [&](Statement& stmt) { stmt.Bind(1, std::int64_t{limit}); }, ReadNameCount);
}

Result<std::vector<NameCount>> SqliteListingStore::TagNames(int limit) {
  if (limit < 1 || limit > kMaxNameRows) return OutOfRange("name limit", limit);
  return QueryAll(
      pool_,
      // listed_at: set while the article is public (see SqliteTagStore::ListTags).
      "SELECT tag, count(*) AS n FROM article_tags WHERE tag <> '' AND listed_at IS NOT NULL "
      "GROUP BY tag ORDER BY n DESC, tag LIMIT ?",
      [&](Statement& stmt) { stmt.Bind(1, std::int64_t{limit}); }, ReadNameCount);
}

Result<std::vector<SitemapRow>> SqliteListingStore::SitemapRows(std::int64_t offset, int limit) {
  if (limit < 1 || limit > kMaxSitemapRows) return OutOfRange("sitemap limit", limit);
  if (offset < 0) return OutOfRange("sitemap offset", offset);
  return QueryAll(
      pool_,
      std::string(kSitemapSelect) + "WHERE a.status = 'published' ORDER BY a.id LIMIT ? OFFSET ?",
      [&](Statement& stmt) { stmt.Bind(1, std::int64_t{limit}).Bind(2, offset); }, ReadSitemapRow);
}

Result<std::vector<SitemapRow>> SqliteListingStore::PublishedBetween(std::int64_t since,
                                                                     std::int64_t until,
                                                                     int limit) {
  if (limit < 1 || limit > 1000) return OutOfRange("news limit", limit);
  return QueryAll(
      pool_,
      std::string(kSitemapSelect) +
          "WHERE a.status = 'published' AND a.published_at BETWEEN ? AND ? "
          "ORDER BY a.published_at DESC, a.id DESC LIMIT ?",
      [&](Statement& stmt) { stmt.Bind(1, since).Bind(2, until).Bind(3, std::int64_t{limit}); },
      ReadSitemapRow);
}

Result<std::int64_t> SqliteListingStore::LastUpdated() {
  // Unpublished ones too: a withdrawal changes the sitemaps (the article leaves them).
  return QueryOneInt64(pool_,
                       "SELECT coalesce(max(updated_at), 0) FROM articles "
                       "WHERE status IN ('published', 'unpublished')",
                       NoParams);
}

}  // namespace warta::storage::sqlite
