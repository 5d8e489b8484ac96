// Listings for feeds out and sitemaps (storage/listing_store.h).
#include <string>

#include "storage/sqlite/sqlite_store.h"

namespace warta::storage::sqlite {
namespace {

Error OutOfRange(const char* what, std::int64_t value) {
  return MakeError(ErrorCode::kInvalidArgument,
                   std::string("storage: ") + what + " out of range: " + std::to_string(value));
}

Result<std::vector<std::string>> ReadTags(Connection& connection, std::int64_t id) {
  auto stmt = connection.Prepare(
      "SELECT tag FROM article_tags WHERE article_id = ? ORDER BY position, tag");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, id);
  std::vector<std::string> tags;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.error();
    if (!*row) return tags;
    tags.push_back(stmt->Text(0));
  }
}

Result<std::vector<SitemapRow>> ReadSitemapRows(Statement& stmt) {
  std::vector<SitemapRow> rows;
  for (;;) {
    auto row = stmt.Step();
    if (!row.ok()) return row.error();
    if (!*row) return rows;
    SitemapRow& r = rows.emplace_back();
    r.id = stmt.Int64(0);
    r.slug = stmt.Text(1);
    r.title = stmt.Text(2);
    r.lang = stmt.Text(3);
    r.published_at = stmt.Int64(4);
    r.updated_at = stmt.Int64(5);
    r.canonical_elsewhere = stmt.Int64(6) != 0;
  }
}

Result<std::vector<NameCount>> ReadNameCounts(Statement& stmt) {
  std::vector<NameCount> names;
  for (;;) {
    auto row = stmt.Step();
    if (!row.ok()) return row.error();
    if (!*row) return names;
    names.emplace_back(stmt.Text(0), stmt.Int64(1));
  }
}

constexpr const char* kArticleColumns =
    "a.id, a.title, a.source, a.url, a.published_at, a.created_at, a.updated_at, a.lang, "
    "a.body_html, a.slug, a.version, a.views, a.likes, a.comments, a.shares, a.source_id, "
    "a.story_id";

// Sitemap rows; the last column is SitemapRow::canonical_elsewhere (an original URL to defer
// to, and a source asking for that).
constexpr std::string_view kSitemapSelect =
    "SELECT a.id, a.slug, a.title, a.lang, a.published_at, a.updated_at, "
    "a.url LIKE 'http%' AND EXISTS (SELECT 1 FROM sources s WHERE s.id = a.source_id AND "
    "s.canonical = 'original') FROM articles a ";

}  // namespace

Result<std::vector<model::Article>> SqliteListingStore::NewestArticles(const ListingFilter& filter,
                                                                       int limit) {
  if (limit < 1 || limit > kMaxFeedItems) return OutOfRange("feed limit", limit);
  if (!filter.source.empty() && !filter.tag.empty()) {
    return MakeError(ErrorCode::kInvalidArgument, "storage: filter by source or by tag, not both");
  }
  std::string sql = std::string("SELECT ") + kArticleColumns + " FROM articles a ";
  if (!filter.tag.empty()) {
    sql += "JOIN article_tags t ON t.article_id = a.id WHERE t.tag = ? ";
  } else if (!filter.source.empty()) {
    sql += "WHERE a.source = ? ";
  }
  sql += "ORDER BY a.published_at DESC, a.id DESC LIMIT ?";
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  // One snapshot for the rows and their tags.
  auto tx = Transaction::Begin(**connection, Transaction::Mode::kDeferred);
  if (!tx.ok()) return tx.error();
  auto stmt = (*connection)->Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  int index = 1;
  if (!filter.tag.empty()) stmt->Bind(index++, filter.tag);
  if (!filter.source.empty()) stmt->Bind(index++, filter.source);
  stmt->Bind(index, std::int64_t{limit});
  std::vector<model::Article> articles;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    model::Article& a = articles.emplace_back();
    a.id = stmt->Int64(0);
    a.title = stmt->Text(1);
    a.source = stmt->Text(2);
    a.url = stmt->Text(3);
    a.published_at = stmt->Int64(4);
    a.created_at = stmt->Int64(5);
    a.updated_at = stmt->Int64(6);
    a.lang = stmt->Text(7);
    a.body_html = stmt->Text(8);
    a.slug = stmt->Text(9);
    a.version = stmt->Int64(10);
    a.counters = {stmt->Int64(11), stmt->Int64(12), stmt->Int64(13), stmt->Int64(14)};
    a.source_id = stmt->Int64(15);
    a.story_id = stmt->Int64(16);
  }
  for (model::Article& a : articles) {
    auto tags = ReadTags(**connection, a.id);
    if (!tags.ok()) return tags.error();
    a.tags = std::move(tags).value();
  }
  WARTA_RETURN_IF_ERROR(tx->Commit());
  return articles;
}

Result<std::vector<NameCount>> SqliteListingStore::SourceNames(int limit) {
  if (limit < 1 || limit > kMaxNameRows) return OutOfRange("name limit", limit);
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt = (*connection)
                  ->Prepare(
                      "SELECT source, count(*) AS n FROM articles WHERE source <> '' "
                      "GROUP BY source ORDER BY n DESC, source LIMIT ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, std::int64_t{limit});
  return ReadNameCounts(*stmt);
}

Result<std::vector<NameCount>> SqliteListingStore::TagNames(int limit) {
  if (limit < 1 || limit > kMaxNameRows) return OutOfRange("name limit", limit);
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt = (*connection)
                  ->Prepare(
                      "SELECT tag, count(*) AS n FROM article_tags WHERE tag <> '' "
                      "GROUP BY tag ORDER BY n DESC, tag LIMIT ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, std::int64_t{limit});
  return ReadNameCounts(*stmt);
}

Result<std::vector<SitemapRow>> SqliteListingStore::SitemapRows(std::int64_t offset, int limit) {
  if (limit < 1 || limit > kMaxSitemapRows) return OutOfRange("sitemap limit", limit);
  if (offset < 0) return OutOfRange("sitemap offset", offset);
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt =
      (*connection)->Prepare(std::string(kSitemapSelect) + "ORDER BY a.id LIMIT ? OFFSET ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, std::int64_t{limit}).Bind(2, offset);
  return ReadSitemapRows(*stmt);
}

Result<std::vector<SitemapRow>> SqliteListingStore::PublishedBetween(std::int64_t since,
                                                                     std::int64_t until,
                                                                     int limit) {
  if (limit < 1 || limit > 1000) return OutOfRange("news limit", limit);
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt = (*connection)
                  ->Prepare(std::string(kSitemapSelect) +
                            "WHERE a.published_at BETWEEN ? AND ? "
                            "ORDER BY a.published_at DESC, a.id DESC LIMIT ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, since).Bind(2, until).Bind(3, std::int64_t{limit});
  return ReadSitemapRows(*stmt);
}

Result<std::int64_t> SqliteListingStore::LastUpdated() {
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt = (*connection)->Prepare("SELECT coalesce(max(updated_at), 0) FROM articles");
  if (!stmt.ok()) return stmt.error();
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  return *row ? stmt->Int64(0) : std::int64_t{0};
}

}  // namespace warta::storage::sqlite
