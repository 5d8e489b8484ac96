// Listings for feeds out and sitemaps (storage/listing_store.h) on PostgreSQL. Names sort
// COLLATE "C" (bytes), as SQLite's BINARY does, whatever collation the database was created with.
#include <map>

#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

Error OutOfRange(const char* what, std::int64_t value) {
  return Error::InvalidArgument(std::string("storage: ") + what +
                                " out of range: " + std::to_string(value));
}

// The last column is SitemapRow::canonical_elsewhere (an original URL to defer to, and a
// source asking for that).
constexpr std::string_view kSitemapSelect =
    "SELECT a.id, a.slug, a.title, a.lang, a.published_at, a.updated_at, "
    "a.url LIKE 'http%' AND EXISTS (SELECT 1 FROM sources s WHERE s.id = a.source_id AND "
    "s.canonical = 'original') FROM articles a ";

std::vector<SitemapRow> ReadSitemapRows(const Rows& rows) {
  std::vector<SitemapRow> out;
  out.reserve(static_cast<std::size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) {
    SitemapRow& r = out.emplace_back();
    r.id = rows.Int64(i, 0);
    r.slug = rows.Text(i, 1);
    r.title = rows.Text(i, 2);
    r.lang = rows.Text(i, 3);
    r.published_at = rows.Int64(i, 4);
    r.updated_at = rows.Int64(i, 5);
    r.canonical_elsewhere = rows.Bool(i, 6);
  }
  return out;
}

std::vector<NameCount> ReadNameCounts(const Rows& rows) {
  std::vector<NameCount> out;
  out.reserve(static_cast<std::size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) out.emplace_back(rows.Text(i, 0), rows.Int64(i, 1));
  return out;
}

}  // namespace

Result<std::vector<model::Article>> PgListingStore::NewestArticles(const ListingFilter& filter,
                                                                   int limit) {
  if (limit < 1 || limit > kMaxFeedItems) return OutOfRange("feed limit", limit);
  if (!filter.source.empty() && !filter.tag.empty()) {
    return Error::InvalidArgument("storage: filter by source or by tag, not both");
  }
  std::string sql = std::string("SELECT ") + kArticleColumns + " FROM articles a ";
  Params params;
  if (!filter.tag.empty()) {
    sql += "JOIN article_tags t ON t.article_id = a.id WHERE t.tag = $1 AND ";
    params.Add(filter.tag);
  } else if (!filter.source.empty()) {
    sql += "WHERE a.source = $1 AND ";
    params.Add(filter.source);
  } else {
    sql += "WHERE ";
  }
  params.Add(limit);
  sql += std::string("a.") + kPublicOnly + " ORDER BY a.published_at DESC, a.id DESC LIMIT $" +
         std::to_string(params.values().size());
  // One snapshot for the rows and their tags.
  return InReadTransaction<std::vector<model::Article>>(
      pool_, [&](Connection& connection) -> Result<std::vector<model::Article>> {
        WARTA_ASSIGN_OR_RETURN(auto rows, connection.Query(sql, params));
        std::vector<model::Article> articles;
        std::vector<std::int64_t> ids;
        for (int i = 0; i < rows.size(); ++i) {
          WARTA_ASSIGN_OR_RETURN(auto article, ReadArticleRow(rows, i));
          ids.push_back(article.id);
          articles.push_back(std::move(article));
        }
        if (ids.empty()) return articles;
        // All tags in one query rather than one per article.
        WARTA_ASSIGN_OR_RETURN(auto tags,
                               connection.Query("SELECT article_id, tag FROM article_tags "
                                                "WHERE article_id = ANY($1::BIGINT[]) "
                                                "ORDER BY article_id, position, tag",
                                                Params().Add(IdArray(ids))));
        std::map<std::int64_t, std::vector<std::string>> by_article;
        for (int i = 0; i < tags.size(); ++i) {
          by_article[tags.Int64(i, 0)].push_back(tags.Text(i, 1));
        }
        for (model::Article& a : articles) a.tags = std::move(by_article[a.id]);
        return articles;
      });
}

Result<std::vector<NameCount>> PgListingStore::SourceNames(int limit) {
  if (limit < 1 || limit > kMaxNameRows) return OutOfRange("name limit", limit);
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_,
                "SELECT source, count(*) AS n FROM articles WHERE source <> '' AND "
                "status = 'published' GROUP BY source ORDER BY n DESC, source COLLATE \"C\" "
                "LIMIT $1",
                Params().Add(limit)));
  return ReadNameCounts(rows);
}

Result<std::vector<NameCount>> PgListingStore::TagNames(int limit) {
  if (limit < 1 || limit > kMaxNameRows) return OutOfRange("name limit", limit);
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_,
                           // listed_at: set while the article is public (PgTagStore::ListTags).
                           "SELECT tag, count(*) AS n FROM article_tags WHERE tag <> '' AND "
                           "listed_at IS NOT NULL "
                           "GROUP BY tag ORDER BY n DESC, tag COLLATE \"C\" LIMIT $1",
                           Params().Add(limit)));
  return ReadNameCounts(rows);
}

Result<std::vector<SitemapRow>> PgListingStore::SitemapRows(std::int64_t offset, int limit) {
  if (limit < 1 || limit > kMaxSitemapRows) return OutOfRange("sitemap limit", limit);
  if (offset < 0) return OutOfRange("sitemap offset", offset);
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_,
                           std::string(kSitemapSelect) +
                               "WHERE a.status = 'published' ORDER BY a.id LIMIT $1 OFFSET $2",
                           Params().Add(limit).Add(offset)));
  return ReadSitemapRows(rows);
}

Result<std::vector<SitemapRow>> PgListingStore::PublishedBetween(std::int64_t since,
                                                                 std::int64_t until, int limit) {
  if (limit < 1 || limit > 1000) return OutOfRange("news limit", limit);
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_,
                           std::string(kSitemapSelect) +
                               "WHERE a.status = 'published' AND a.published_at BETWEEN $1 AND $2 "
                               "ORDER BY a.published_at DESC, a.id DESC LIMIT $3",
                           Params().Add(since).Add(until).Add(limit)));
  return ReadSitemapRows(rows);
}

Result<std::int64_t> PgListingStore::LastUpdated() {
  // Unpublished ones too: a withdrawal changes the sitemaps (the article leaves them).
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_,
                                              "SELECT coalesce(max(updated_at), 0) FROM articles "
                                              "WHERE status IN ('published', 'unpublished')"));
  return rows.Int64(0, 0);
}

}  // namespace warta::storage::postgres
