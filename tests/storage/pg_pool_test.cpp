// PostgreSQL only: the pool heals after the server drops its connections, and its bound holds.
#include "storage/postgres/pg_pool.h"

#include <chrono>
#include <string>
#include <thread>

#include "storage/article_store.h"
#include "storage/backends.h"  // tests/storage/
#include "storage/postgres/pg_transaction.h"
#include "storage/settings_store.h"
#include "storage/store.h"

namespace warta::storage::contract {
namespace {

class PgPoolTest : public StoreContract<PostgresBackend> {};

// What `warta serve --db postgresql://...` opens: the backend behind storage::Store.
TEST_F(PgPoolTest, OpenStoreGivesThePostgresqlBackend) {
  auto opened = OpenStore(backend_.url());
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  EXPECT_STREQ((*opened)->backend_name(), "postgresql");
  auto version = (*opened)->Migrate();
  ASSERT_TRUE(version.ok()) << version.error().message;
  EXPECT_EQ(*version, *(*opened)->SchemaVersion());
  ASSERT_TRUE((*opened)->settings().Set("via", "open-store").ok());
  EXPECT_EQ(store().settings().Get("via")->value_or(""), "open-store");
  EXPECT_TRUE((*opened)
                  ->Backup("/nonexistent/x.db", BackupOptions{})
                  .error()
                  .is(ErrorCode::kInvalidArgument));
}

TEST_F(PgPoolTest, StoresWorkAgainAfterTheServerDroppedEveryConnection) {
  ASSERT_TRUE(store().settings().Set("k", "before").ok());
  EXPECT_GE(store().pool().open_connections(), 1);
  // What a database restart or an idle-connection killer does to the pool's connections.
  auto other = OpenSecond();
  ASSERT_NE(other, nullptr);
  auto killed =
      postgres::QueryOnce(other->pool(),
                          "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                          "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  ASSERT_TRUE(killed.ok()) << killed.error().message;
  EXPECT_GE(killed->Int64(0, 0), 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  // A write and a read transaction, each on a dead connection first: retried on a new one.
  auto set = store().settings().Set("k", "after");
  ASSERT_TRUE(set.ok()) << set.error().message;
  auto count = store().articles().Count();
  ASSERT_TRUE(count.ok()) << count.error().message;
  auto value = store().settings().Get("k");
  ASSERT_TRUE(value.ok()) << value.error().message;
  EXPECT_EQ(value->value_or(""), "after");
}

TEST_F(PgPoolTest, AFullPoolAnswersUnavailableAfterItsTimeout) {
  std::string why;
  if (backend_.Skip(&why)) GTEST_SKIP() << why;
  postgres::PoolOptions options;
  options.max_connections = 1;
  options.acquire_timeout = std::chrono::milliseconds(200);
  auto pool = postgres::Pool::Open(backend_.url(), options);
  ASSERT_TRUE(pool.ok()) << pool.error().message;
  auto held = (*pool)->Acquire();
  ASSERT_TRUE(held.ok());
  const auto start = std::chrono::steady_clock::now();
  auto second = (*pool)->Acquire();
  EXPECT_FALSE(second.ok());
  EXPECT_TRUE(second.error().is(ErrorCode::kUnavailable));
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(150));
}

TEST_F(PgPoolTest, AnUnreachableServerIsUnavailableAndNamesNoPassword) {
  auto store = postgres::PgStore::Open("postgresql://warta:secret@127.0.0.1:1/warta");
  ASSERT_FALSE(store.ok());
  EXPECT_TRUE(store.error().is(ErrorCode::kUnavailable));
  EXPECT_EQ(store.error().message.find("secret"), std::string::npos);
}

}  // namespace
}  // namespace warta::storage::contract
