#include "storage/sqlite/sqlite_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "storage/migrations/migrations.h"
#include "storage/testing/migrated_sqlite_store.h"
#include "storage/testing/temp_dir.h"

namespace warta::storage::sqlite {
namespace {

class SqliteStoreTest : public test_util::MigratedSqliteStore {
 protected:
  // Runs one query that returns one integer, on a pooled connection.
  std::int64_t QueryInt(const std::string& sql) {
    auto lease = store_->pool().Acquire();
    EXPECT_TRUE(lease.ok());
    auto stmt = (*lease)->Prepare(sql);
    EXPECT_TRUE(stmt.ok()) << stmt.error().message;
    auto row = stmt->Step();
    EXPECT_TRUE(row.ok() && *row) << sql;
    return stmt->Int64(0);
  }

  std::int64_t MustInsert(const model::NewArticle& a) {
    auto id = store_->articles().Insert(a);
    EXPECT_TRUE(id.ok()) << id.error().message;
    return id.ok() ? *id : 0;
  }

  static model::NewArticle Sample(const std::string& title, std::int64_t published_at) {
    model::NewArticle a;
    a.title = title;
    a.source = "MAINICHI";
    a.published_at = published_at;
    a.body_html = "<p>Body of " + title + "</p>";
    return a;
  }
};

TEST_F(SqliteStoreTest, MigrateIsIdempotentAndRecordsTheVersion) {
  const int latest = migrations::LatestVersion(migrations::Sqlite());
  EXPECT_GE(latest, 1);
  auto again = store_->Migrate();
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, latest);
  EXPECT_EQ(*store_->SchemaVersion(), latest);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM schema_migrations"), latest);
  EXPECT_GT(QueryInt("SELECT min(applied_at) FROM schema_migrations"), 1'600'000'000);
}

TEST(SqliteMigrateTest, FreshDatabaseHasVersionZero) {
  test_util::TempDir dir;
  auto store = SqliteStore::Open(dir.File("fresh.db"));
  ASSERT_TRUE(store.ok()) << store.error().message;
  EXPECT_EQ(*(*store)->SchemaVersion(), 0);
  EXPECT_EQ(*(*store)->Migrate(), migrations::LatestVersion(migrations::Sqlite()));
}

TEST(SqliteMigrateTest, MigrationListHasNoGaps) {
  int expected = 1;
  for (const auto& m : migrations::Sqlite()) {
    EXPECT_EQ(m.version, expected++);
    EXPECT_FALSE(m.sql.empty());
  }
}

TEST_F(SqliteStoreTest, NewerSchemaVersionIsRefused) {
  {
    auto lease = store_->pool().Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE((*lease)->Exec("INSERT INTO schema_migrations VALUES (99, 0)").ok());
  }
  EXPECT_EQ(*store_->SchemaVersion(), 99);
  auto migrated = store_->Migrate();
  ASSERT_FALSE(migrated.ok());
  EXPECT_EQ(migrated.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(migrated.error().message.find("version 99"), std::string::npos)
      << migrated.error().message;
}

TEST_F(SqliteStoreTest, EveryConnectionHasItsPragmas) {
  // Hold two leases at once so the second is a new connection.
  auto first = store_->pool().Acquire();
  auto second = store_->pool().Acquire();
  ASSERT_TRUE(first.ok() && second.ok());
  for (Connection* c : {&**first, &**second}) {
    auto check = [c](const char* pragma, const std::string& want) {
      auto stmt = c->Prepare(pragma);
      ASSERT_TRUE(stmt.ok());
      ASSERT_TRUE(*stmt->Step());
      EXPECT_EQ(stmt->Text(0), want) << pragma;
    };
    check("PRAGMA journal_mode", "wal");
    check("PRAGMA synchronous", "1");  // NORMAL
    check("PRAGMA busy_timeout", "5000");
    check("PRAGMA foreign_keys", "1");
  }
  EXPECT_EQ(store_->pool().open_connections(), 2);
}

TEST_F(SqliteStoreTest, ForeignKeysAreEnforced) {
  auto lease = store_->pool().Acquire();
  ASSERT_TRUE(lease.ok());
  auto orphan = (*lease)->Exec("INSERT INTO article_tags (article_id, tag) VALUES (12345, 'x')");
  ASSERT_FALSE(orphan.ok());
  EXPECT_EQ(orphan.error().code, ErrorCode::kInvalidArgument);
  EXPECT_NE(orphan.error().message.find("FOREIGN KEY"), std::string::npos);
}

TEST_F(SqliteStoreTest, DeletingAnArticleCascadesToTags) {
  model::NewArticle a = Sample("Tagged", 100);
  a.tags = {"a", "b"};
  std::int64_t id = MustInsert(a);
  EXPECT_EQ(QueryInt("SELECT count(*) FROM article_tags"), 2);
  {
    auto lease = store_->pool().Acquire();
    ASSERT_TRUE((*lease)->Exec("DELETE FROM articles WHERE id = " + std::to_string(id)).ok());
  }
  EXPECT_EQ(QueryInt("SELECT count(*) FROM article_tags"), 0);
}

TEST_F(SqliteStoreTest, InsertThenFindRoundTrips) {
  model::NewArticle a = Sample("Gempa guncang Jepang", 1730430000);
  a.url = "https://mainichi.jp/x";
  a.lang = "id";
  a.slug = "gempa-guncang-jepang";
  a.tags = {"Jepang", "gempa", "Asia"};
  a.initial = {27, 3, 0, 5};
  const std::int64_t before = UnixNow();
  std::int64_t id = MustInsert(a);
  EXPECT_GT(id, 0);
  auto found = store_->articles().FindById(id);
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->title, a.title);
  EXPECT_EQ(found->source, "MAINICHI");
  EXPECT_EQ(found->url, a.url);
  EXPECT_EQ(found->published_at, 1730430000);
  EXPECT_GE(found->created_at, before);
  EXPECT_LE(found->created_at, UnixNow());
  EXPECT_EQ(found->updated_at, found->created_at);
  EXPECT_EQ(found->lang, "id");
  EXPECT_EQ(found->body_html, a.body_html);
  EXPECT_EQ(found->slug, a.slug);
  EXPECT_EQ(found->version, 1);
  EXPECT_EQ(found->tags, a.tags);  // in the order given
  EXPECT_EQ(found->counters, (model::Counters{27, 3, 0, 5}));
  EXPECT_EQ(*store_->articles().GetCounters(id), (model::Counters{27, 3, 0, 5}));
}

TEST_F(SqliteStoreTest, UnknownPublicationTimeMeansNow) {
  std::int64_t id = MustInsert(Sample("No date", 0));
  auto found = store_->articles().FindById(id);
  ASSERT_TRUE(found.ok());
  EXPECT_GE(found->published_at, UnixNow() - 5);
}

TEST_F(SqliteStoreTest, InsertRefusesInvalidArticles) {
  model::NewArticle empty_title = Sample("", 1);
  auto r1 = store_->articles().Insert(empty_title);
  ASSERT_FALSE(r1.ok());
  EXPECT_EQ(r1.error().code, ErrorCode::kInvalidArgument);
  model::NewArticle no_body = Sample("T", 1);
  no_body.body_html.clear();
  EXPECT_FALSE(store_->articles().Insert(no_body).ok());
  model::NewArticle negative = Sample("T", 1);
  negative.initial.views = -1;
  EXPECT_FALSE(store_->articles().Insert(negative).ok());
  EXPECT_EQ(*store_->articles().Count(), 0);
}

TEST_F(SqliteStoreTest, MissingArticlesAreNotFound) {
  auto found = store_->articles().FindById(42);
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kNotFound);
  auto counters = store_->articles().GetCounters(42);
  ASSERT_FALSE(counters.ok());
  EXPECT_EQ(counters.error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, ListNewestOrdersByDateThenIdAndPaginates) {
  // Several articles share a publication time: the newer id comes first among them.
  std::vector<std::pair<std::int64_t, std::int64_t>> expected;  // (published_at, id)
  for (int i = 0; i < 25; ++i) {
    std::int64_t published = 1'700'000'000 + (i * 7919 % 10) * 3600;
    std::int64_t id = MustInsert(Sample("Article " + std::to_string(i), published));
    expected.emplace_back(published, id);
  }
  std::sort(expected.begin(), expected.end(), std::greater<>());
  EXPECT_EQ(*store_->articles().Count(), 25);
  std::vector<std::int64_t> ids;
  for (int offset = 0; offset < 30; offset += 10) {
    auto page = store_->articles().ListNewest(10, offset);
    ASSERT_TRUE(page.ok()) << page.error().message;
    EXPECT_EQ(page->size(), offset < 20 ? 10u : 5u);
    for (const auto& s : *page) ids.push_back(s.id);
  }
  ASSERT_EQ(ids.size(), expected.size());
  for (std::size_t i = 0; i < ids.size(); ++i) EXPECT_EQ(ids[i], expected[i].second) << i;
  EXPECT_TRUE(store_->articles().ListNewest(10, 25)->empty());
  EXPECT_TRUE(store_->articles().ListNewest(0, 0)->empty());
  EXPECT_FALSE(store_->articles().ListNewest(-1, 0).ok());
  EXPECT_FALSE(store_->articles().ListNewest(10, -1).ok());
}

TEST_F(SqliteStoreTest, ListNewestCarriesSummaryFields) {
  model::NewArticle a = Sample("Summary", 1'700'000'000);
  a.lang = "ja";
  a.slug = "summary";
  a.initial = {5, 1, 0, 2};
  std::string long_text;
  for (int i = 0; i < 100; ++i) long_text += "kata" + std::to_string(i) + " ";
  a.body_html = "<p>First &amp; <b>bold</b></p><p>" + long_text + "</p>";
  MustInsert(a);
  auto page = store_->articles().ListNewest(5, 0);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  const auto& s = page->front();
  EXPECT_EQ(s.title, "Summary");
  EXPECT_EQ(s.source, "MAINICHI");
  EXPECT_EQ(s.lang, "ja");
  EXPECT_EQ(s.slug, "summary");
  EXPECT_EQ(s.published_at, 1'700'000'000);
  EXPECT_EQ(s.counters, (model::Counters{5, 1, 0, 2}));
  EXPECT_EQ(s.excerpt.rfind("First & bold kata0 kata1 ", 0), 0u) << s.excerpt;
  EXPECT_LE(s.excerpt.size(), 283u);
  EXPECT_EQ(s.excerpt.substr(s.excerpt.size() - 3), "\u2026");
}

TEST_F(SqliteStoreTest, AddViewsReturnsTotalsAndSkipsMissingIds) {
  model::NewArticle a = Sample("A", 1);
  a.initial.views = 10;
  std::int64_t id_a = MustInsert(a);
  std::int64_t id_b = MustInsert(Sample("B", 2));
  auto totals = store_->articles().AddViews({{id_a, 5}, {999999, 3}, {id_b, 1}, {id_a, 2}}, 20000);
  ASSERT_TRUE(totals.ok()) << totals.error().message;
  EXPECT_EQ(*totals, (std::vector<std::int64_t>{15, -1, 1, 17}));
  EXPECT_EQ(store_->articles().GetCounters(id_a)->views, 17);
  EXPECT_TRUE(store_->articles().AddViews({}, 20000)->empty());
  auto negative = store_->articles().AddViews({{id_a, -1}}, 20000);
  ASSERT_FALSE(negative.ok());
  EXPECT_EQ(negative.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(store_->articles().GetCounters(id_a)->views, 17);  // nothing applied
}

TEST_F(SqliteStoreTest, AddViewsIsExactUnderConcurrency) {
  std::int64_t id_a = MustInsert(Sample("A", 1));
  std::int64_t id_b = MustInsert(Sample("B", 2));
  constexpr int kThreads = 8;
  constexpr int kCalls = 150;
  std::atomic<int> failures{0};
  std::atomic<bool> totals_ok{true};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      std::int64_t last_a = 0;
      for (int i = 0; i < kCalls; ++i) {
        auto totals = store_->articles().AddViews({{id_a, 1}, {id_b, 2}}, 20000);
        if (!totals.ok()) {
          ++failures;
          continue;
        }
        // Totals only grow, and b always gets twice a's increments in the same transaction.
        if ((*totals)[0] <= last_a || (*totals)[1] != 2 * (*totals)[0]) totals_ok = false;
        last_a = (*totals)[0];
        // Readers run alongside the writers.
        if (i % 10 == 0 && !store_->articles().ListNewest(5, 0).ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_TRUE(totals_ok.load());
  EXPECT_EQ(store_->articles().GetCounters(id_a)->views, kThreads * kCalls);
  EXPECT_EQ(store_->articles().GetCounters(id_b)->views, 2 * kThreads * kCalls);
  EXPECT_LE(store_->pool().open_connections(), kDefaultMaxConnections);
}

TEST_F(SqliteStoreTest, PoolNeverExceedsItsMaximum) {
  MustInsert(Sample("A", 1));
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 3 * kDefaultMaxConnections; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 20; ++i) {
        if (!store_->articles().FindById(1).ok()) ++failures;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_LE(store_->pool().open_connections(), kDefaultMaxConnections);
}

TEST_F(SqliteStoreTest, SettingsGetAndSet) {
  SettingsStore& settings = store_->settings();
  EXPECT_FALSE(settings.Get("site.name")->has_value());
  ASSERT_TRUE(settings.Set("site.name", "Media Jepang").ok());
  EXPECT_EQ(settings.Get("site.name")->value(), "Media Jepang");
  ASSERT_TRUE(settings.Set("site.name", "メディア").ok());
  EXPECT_EQ(settings.Get("site.name")->value(), "メディア");
  ASSERT_TRUE(settings.Set("site.empty", "").ok());
  EXPECT_EQ(settings.Get("site.empty")->value(), "");
  EXPECT_FALSE(settings.Set("", "x").ok());
  EXPECT_FALSE(settings.Set("k", "\xFF").ok());
}

TEST(SqliteDurabilityTest, WritesSurviveReopening) {
  test_util::TempDir dir;
  std::int64_t id = 0;
  {
    auto store = SqliteStore::Open(dir.File("d.db"));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->Migrate().ok());
    ASSERT_TRUE((*store)->settings().Set("site.locale", "id").ok());
    model::NewArticle a;
    a.title = "Kept";
    a.body_html = "<p>x</p>";
    a.tags = {"t"};
    id = *(*store)->articles().Insert(a);
    ASSERT_TRUE((*store)->articles().AddViews({{id, 4}}, 20000).ok());
  }
  auto store = SqliteStore::Open(dir.File("d.db"));
  ASSERT_TRUE(store.ok());
  EXPECT_EQ((*store)->settings().Get("site.locale")->value(), "id");
  auto found = (*store)->articles().FindById(id);
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(found->tags, std::vector<std::string>{"t"});
  EXPECT_EQ(found->counters.views, 4);
}

}  // namespace
}  // namespace warta::storage::sqlite
