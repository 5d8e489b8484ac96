// The bulk loader indexes a batch at once (sqlite_bulk_load_index.h); the schema's triggers
// index one row at a time. Both must leave the same search index: a site is bulk-loaded into
// one file, its rows are copied into a second file through the triggers, and every term,
// position, stored value and trigram of the two indexes is compared, on real files.
#include "storage/sqlite/sqlite_bulk_load.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "storage/sqlite/database.h"
#include "storage/sqlite/sqlite_bulk_load_index.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/testing/temp_dir.h"

namespace warta::storage::sqlite {
namespace {

using Rows = std::vector<std::string>;

// Every row of `sql`, its first `columns` columns joined by '|'.
Rows Select(Connection& connection, const std::string& sql, int columns) {
  auto select = connection.Prepare(sql);
  EXPECT_TRUE(select.ok()) << sql << ": " << select.error().message;
  Rows rows;
  if (!select.ok()) return rows;
  for (;;) {
    auto row = select->Step();
    EXPECT_TRUE(row.ok()) << sql << ": " << row.error().message;
    if (!row.ok() || !*row) return rows;
    std::string line;
    for (int c = 0; c < columns; ++c) line += select->Text(c) + "|";
    rows.push_back(line);
  }
}

std::vector<BulkArticle> Articles() {
  const char* bodies[] = {
      "<p>Pemerintah Jepang &amp; Uni Eropa menyepakati <b>kemitraan keamanan</b> baru.</p>"
      "<h2>Latar</h2><p>Kerja sama “maritim” naik 12,5 persen; U.S. ikut.</p>",
      "<p>Japan's first-ever ministerial dialogue agreed on security; e-mail info@example.com."
      "</p>\n<p>Partners agreeing, agreed.</p>",
      "<p>日本と欧州連合は防衛分野での協力を強化する、123,4%。</p><p>(Kirosawa) EU と NATO</p>",
      "<p>Caf\xC3\xA9 na\xC3\xAFve, ｶﾀｶﾅ and Ｂｏｒｒｅｌｌ: title:word.</p>",
  };
  const char* langs[] = {"id", "en", "ja", ""};
  std::vector<BulkArticle> articles;
  for (int i = 0; i < 23; ++i) {
    BulkArticle a;
    a.lang = langs[i % 4];
    a.title = std::string("Berita ") + std::to_string(i) + " tentang Jepang dan “Borrell”";
    a.source = i % 2 == 0 ? "KYODO" : "THE JAPAN NEWS";
    a.url = "https://arsip.demo.warta.invalid/" + std::to_string(i);
    a.body_html = bodies[i % 4];
    a.slug = "berita-" + std::to_string(i);
    a.published_at = 1'700'000'000 + i * 3600;
    // Out of order, mixed case and scripts: the index stores them in article_tags' order.
    a.tags = {"zeta topik", "Alpha", "防衛", "beta " + std::to_string(i % 3)};
    a.likes = i % 3;
    if (i % 5 == 0) a.comments.push_back({"Bagus", "<p>Bagus</p>", a.published_at + 60});
    articles.push_back(a);
  }
  return articles;
}

std::unique_ptr<Connection> Migrated(const std::string& path) {
  auto store = SqliteStore::Open(path);
  EXPECT_TRUE(store.ok()) << store.error().message;
  if (!store.ok()) return nullptr;
  auto migrated = (*store)->Migrate();
  EXPECT_TRUE(migrated.ok()) << migrated.error().message;
  store->reset();
  auto connection = Connection::Open(path, nullptr);
  EXPECT_TRUE(connection.ok()) << connection.error().message;
  return connection.ok() ? std::move(*connection) : nullptr;
}

// What both indexes must agree on: stored values, every term instance, languages, triggers.
Rows IndexContent(Connection& c) {
  EXPECT_TRUE(c.Exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.si USING "
                     "fts5vocab(main, search_index, 'instance');"
                     "CREATE VIRTUAL TABLE IF NOT EXISTS temp.ti USING "
                     "fts5vocab(main, article_titles, 'instance');")
                  .ok());
  Rows all;
  const std::pair<const char*, int> queries[] = {
      {"SELECT rowid, title, body, source, tags FROM search_index ORDER BY rowid", 5},
      {"SELECT term, doc, col, offset FROM temp.si ORDER BY term, doc, col, offset", 4},
      {"SELECT term, doc, col, offset FROM temp.ti ORDER BY term, doc, col, offset", 4},
      {"SELECT lang FROM search_languages ORDER BY lang", 1},
      {"SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name", 2}};
  for (const auto& [sql, columns] : queries) {
    Rows rows = Select(c, sql, columns);
    EXPECT_FALSE(rows.empty()) << sql;
    all.push_back(std::string("-- ") + sql);
    all.insert(all.end(), rows.begin(), rows.end());
  }
  return all;
}

// Bulk-loads Articles() into `bulk_path`, every other one prepared on another thread when
// `prepare`, and compares its index with the triggers' over the same rows.
void ExpectSameIndexAsTriggers(bool prepare) {
  test_util::TempDir dir;
  const std::string bulk_path = dir.File("bulk.db");
  const std::string rows_path = dir.File("rows.db");
  ASSERT_NE(Migrated(bulk_path), nullptr);
  std::vector<BulkArticle> articles = Articles();
  {
    auto loader = OpenSqliteBulkLoader(bulk_path, 7);  // several batches, the last one short
    ASSERT_TRUE(loader.ok()) << loader.error().message;
    if (prepare) {
      auto preparer = (*loader)->NewPreparer();
      ASSERT_TRUE(preparer.ok());
      std::thread other([&] {
        for (std::size_t i = 0; i < articles.size(); i += 2) (*preparer)->Prepare(articles[i]);
      });
      other.join();
    }
    for (const BulkArticle& a : articles) ASSERT_TRUE((*loader)->Add(a).ok());
    auto report = (*loader)->Finish();
    ASSERT_TRUE(report.ok()) << report.error().message;
    EXPECT_EQ(report->articles, 23);
    // Each prepared article's four values were replayed, none analyzed twice.
    EXPECT_EQ(report->prepared_values, prepare ? 4 * 12 : 0);
  }
  // The same rows, indexed by the triggers one INSERT at a time (tags first, as before).
  auto rows = Migrated(rows_path);
  ASSERT_NE(rows, nullptr);
  ASSERT_TRUE(rows->Exec("PRAGMA foreign_keys = OFF; ATTACH DATABASE '" + bulk_path +
                         "' AS bulk; INSERT INTO article_tags SELECT * FROM bulk.article_tags;"
                         "INSERT INTO articles SELECT * FROM bulk.articles ORDER BY id;"
                         "DETACH DATABASE bulk;")
                  .ok());
  auto bulk = Connection::Open(bulk_path, nullptr);
  ASSERT_TRUE(bulk.ok());
  const Rows expected = IndexContent(*rows);
  const Rows actual = IndexContent(**bulk);
  ASSERT_GT(expected.size(), 500u);  // terms of 23 articles, not an empty comparison
  EXPECT_EQ(actual, expected);
  // FTS5's own check: the index holds exactly the terms of the stored values.
  EXPECT_TRUE((*bulk)
                  ->Exec("INSERT INTO search_index (search_index) VALUES ('integrity-check');"
                         "INSERT INTO article_titles (article_titles) "
                         "VALUES ('integrity-check');")
                  .ok());
}

TEST(SqliteBulkLoadTest, BatchIndexEqualsWhatTheTriggersWrite) { ExpectSameIndexAsTriggers(false); }

TEST(SqliteBulkLoadTest, PreparedTermsEqualWhatTheTriggersWrite) {
  ExpectSameIndexAsTriggers(true);
}

TEST(SqliteBulkLoadTest, AStalePreparationIsAnalyzedAgain) {
  test_util::TempDir dir;
  const std::string path = dir.File("bulk.db");
  ASSERT_NE(Migrated(path), nullptr);
  auto loader = OpenSqliteBulkLoader(path);
  ASSERT_TRUE(loader.ok());
  auto preparer = (*loader)->NewPreparer();
  ASSERT_TRUE(preparer.ok());
  BulkArticle a = Articles()[1];
  (*preparer)->Prepare(a);
  a.body_html = "<p>Changed after preparing: semiconductor</p>";
  ASSERT_TRUE((*loader)->Add(a).ok());
  auto report = (*loader)->Finish();
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->prepared_values, 3);  // title, source, tags; not the body
  auto connection = Connection::Open(path, nullptr);
  ASSERT_TRUE(connection.ok());
  EXPECT_EQ(Select(**connection,
                   "SELECT rowid FROM search_index WHERE search_index MATCH 'semiconductor'", 1)
                .size(),
            1u);
}

TEST(SqliteBulkLoadTest, MirrorsTheSchemasTriggers) {
  // A migration that changes the insert triggers turns batch indexing off (correct, slow):
  // this fails so that sqlite_bulk_load_index.cpp mirrors the new triggers.
  test_util::TempDir dir;
  auto connection = Migrated(dir.File("warta.db"));
  ASSERT_NE(connection, nullptr);
  auto index = BulkSearchIndex::Load(*connection);
  ASSERT_TRUE(index.ok()) << index.error().message;
  EXPECT_TRUE(index->enabled());
  ASSERT_TRUE(connection->Exec("DROP TRIGGER article_titles_insert").ok());
  auto changed = BulkSearchIndex::Load(*connection);
  ASSERT_TRUE(changed.ok());
  EXPECT_FALSE(changed->enabled());
}

}  // namespace
}  // namespace warta::storage::sqlite
