// Migration 9 (the newsroom) on a database that has lived through versions 1-8: the users
// table is rebuilt with foreign keys off, and everything that refers to users survives.
#include <gtest/gtest.h>

#include <string>

#include "storage/migrations/migrations.h"
#include "storage/sqlite/migrate.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/testing/temp_dir.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kNewsroomVersion = 9;

std::int64_t Count(Connection& connection, const std::string& sql) {
  auto value = QueryFirst(connection, sql, NoParams, [](const Statement& s) { return s.Int64(0); });
  EXPECT_TRUE(value.ok()) << sql << ": " << value.error().message;
  return value.ok() ? value->value_or(-1) : -1;
}

class NewsroomMigrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = SqliteStore::Open(dir_.File("warta.db"));
    ASSERT_TRUE(store.ok()) << store.error().message;
    store_ = std::move(*store);
    auto connection = store_->pool().Acquire();
    ASSERT_TRUE(connection.ok());
    auto v8 = ApplyMigrations(**connection, migrations::Sqlite().first(kNewsroomVersion - 1));
    ASSERT_TRUE(v8.ok()) << v8.error().message;
    ASSERT_EQ(*v8, kNewsroomVersion - 1);
    // A site as version 8 knew it: two accounts with sessions, comments, a ban and likes.
    auto filled = (*connection)->Exec(R"sql(
      INSERT INTO users (id, name, name_key, password_hash, role, created_at, updated_at)
        VALUES (1, 'Budi', 'budi', 'h1', 'reader', 10, 10),
               (2, 'Sari', 'sari', 'h2', 'editor', 11, 11);
      INSERT INTO sessions (id_hash, user_id, created_at, expires_at, last_seen_at)
        VALUES ('s1', 1, 20, 9999999999, 20), ('s2', 2, 21, 9999999999, 21);
      INSERT INTO articles (id, title, published_at, created_at, updated_at, lang, body_html,
                            slug, comments, likes)
        VALUES (1, 'Gempa di Tokyo', 100, 100, 100, 'id', '<p>Gempa kuat</p>', 'gempa', 2, 1);
      INSERT INTO comments (id, article_id, user_id, body_source, body_html, status, created_at)
        VALUES (1, 1, 1, 'Halo', '<p>Halo</p>', 'published', 30),
               (2, 1, 2, 'Balas', '<p>Balas</p>', 'published', 31);
      INSERT INTO comment_bans (user_id, created_at) VALUES (1, 40);
      INSERT INTO likes (article_id, liker, created_at) VALUES (1, 'u:2', 50);
    )sql");
    ASSERT_TRUE(filled.ok()) << filled.error().message;
  }

  test_util::TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(NewsroomMigrationTest, UsersAndWhatRefersToThemSurvive) {
  auto migrated = store_->Migrate();
  ASSERT_TRUE(migrated.ok()) << migrated.error().message;
  EXPECT_EQ(*migrated, migrations::LatestVersion(migrations::Sqlite()));
  auto connection = store_->pool().Acquire();
  ASSERT_TRUE(connection.ok());
  Connection& c = **connection;
  EXPECT_EQ(Count(c, "SELECT count(*) FROM users"), 2);
  EXPECT_EQ(Count(c, "SELECT count(*) FROM sessions WHERE user_id IN (1, 2)"), 2);
  EXPECT_EQ(Count(c, "SELECT count(*) FROM comments WHERE user_id IS NOT NULL"), 2);
  EXPECT_EQ(Count(c, "SELECT count(*) FROM comment_bans"), 1);
  EXPECT_EQ(Count(c, "SELECT count(*) FROM likes"), 1);
  EXPECT_EQ(Count(c, "SELECT role = 'editor' AND banned_at = 0 FROM users WHERE id = 2"), 1);
  // Enforcement is back on for this pooled connection, and every key holds.
  EXPECT_EQ(Count(c, "PRAGMA foreign_keys"), 1);
  EXPECT_EQ(Count(c, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  // The old article is published, at revision 1, and still found by search.
  EXPECT_EQ(Count(c, "SELECT status = 'published' AND revision = 1 FROM articles"), 1);
  EXPECT_EQ(Count(c, "SELECT count(*) FROM search_index"), 1);

  // The sessions' REFERENCES now name the rebuilt table: the account's sessions and bans
  // go with it, its comments stay without an author.
  auto session = store_->sessions().Find("s1", 1000);
  ASSERT_TRUE(session.ok() && session->has_value());
  EXPECT_EQ((*session)->user.name, "Budi");
  ASSERT_TRUE(c.Exec("DELETE FROM users WHERE id = 1").ok());
  EXPECT_EQ(Count(c, "SELECT count(*) FROM sessions"), 1);
  EXPECT_EQ(Count(c, "SELECT count(*) FROM comment_bans"), 0);
  EXPECT_EQ(Count(c, "SELECT count(*) FROM comments WHERE user_id IS NULL"), 1);
  // And the widened CHECK takes the author role.
  auto author = store_->users().SetRole(2, model::Role::kAuthor);
  EXPECT_TRUE(author.ok()) << author.error().message;
}

TEST_F(NewsroomMigrationTest, MigratingTwiceIsANoOp) {
  ASSERT_TRUE(store_->Migrate().ok());
  auto again = store_->Migrate();
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(*again, migrations::LatestVersion(migrations::Sqlite()));
}

// A migration run with foreign keys off that leaves a dangling key is refused as a whole;
// the connection has enforcement back afterwards.
TEST(ForeignKeysOffMigrationTest, BrokenKeysRollBack) {
  test_util::TempDir dir;
  auto store = SqliteStore::Open(dir.File("x.db"));
  ASSERT_TRUE(store.ok());
  auto connection = (*store)->pool().Acquire();
  ASSERT_TRUE(connection.ok());
  const migrations::Migration list[] = {
      {1, "parent and child",
       "CREATE TABLE parents (id INTEGER PRIMARY KEY);"
       "CREATE TABLE children (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parents(id));"
       "INSERT INTO parents (id) VALUES (1); INSERT INTO children (parent_id) VALUES (1);"},
      {2, "drops the parent", "DROP TABLE parents; CREATE TABLE parents (id INTEGER PRIMARY KEY);",
       /*foreign_keys_off=*/true},
  };
  auto applied = ApplyMigrations(**connection, list);
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(applied.error().message.find("children"), std::string::npos) << applied.error().message;
  EXPECT_EQ(Count(**connection, "SELECT max(version) FROM schema_migrations"), 1);
  EXPECT_EQ(Count(**connection, "SELECT count(*) FROM parents"), 1);
  EXPECT_EQ(Count(**connection, "PRAGMA foreign_keys"), 1);
}

}  // namespace
}  // namespace warta::storage::sqlite
