#include "storage/sqlite/database.h"

#include <gtest/gtest.h>

#include "storage/testing/temp_dir.h"

namespace warta::storage::sqlite {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto connection = Connection::Open(dir_.File("db.sqlite"), &write_mutex_);
    ASSERT_TRUE(connection.ok()) << connection.error().message;
    db_ = std::move(*connection);
    ASSERT_TRUE(db_->Exec("CREATE TABLE t (k TEXT PRIMARY KEY, n INTEGER CHECK (n >= 0))").ok());
  }

  test_util::TempDir dir_;
  std::mutex write_mutex_;
  std::unique_ptr<Connection> db_;
};

TEST_F(DatabaseTest, BindStepAndRead) {
  auto insert = db_->Prepare("INSERT INTO t (k, n) VALUES (?, ?)");
  ASSERT_TRUE(insert.ok());
  insert->Bind(1, std::string_view("")).Bind(2, std::int64_t{1} << 40);
  ASSERT_TRUE(insert->Run().ok());
  auto select = db_->Prepare("SELECT k, n, NULL FROM t");
  ASSERT_TRUE(select.ok());
  ASSERT_TRUE(*select->Step());
  EXPECT_FALSE(select->IsNull(0));  // "" is stored as text, not NULL
  EXPECT_EQ(select->Text(0), "");
  EXPECT_EQ(select->Int64(1), std::int64_t{1} << 40);
  EXPECT_TRUE(select->IsNull(2));
  EXPECT_FALSE(*select->Step());
}

TEST_F(DatabaseTest, StatementsAreCachedAndResetOnRelease) {
  {
    auto a = db_->Prepare("SELECT 1");
    ASSERT_TRUE(a.ok());
    ASSERT_TRUE(*a->Step());  // left mid-way: the release must reset it
    // The same SQL while the cached one is busy: a private statement.
    auto b = db_->Prepare("SELECT 1");
    ASSERT_TRUE(b.ok());
    ASSERT_TRUE(*b->Step());
    EXPECT_EQ(b->Int64(0), 1);
  }
  auto again = db_->Prepare("SELECT 1");
  ASSERT_TRUE(again.ok());
  ASSERT_TRUE(*again->Step());
  EXPECT_EQ(again->Int64(0), 1);
}

TEST_F(DatabaseTest, ErrorsMapToCodes) {
  ASSERT_TRUE(db_->Exec("INSERT INTO t VALUES ('a', 1)").ok());
  auto duplicate = db_->Exec("INSERT INTO t VALUES ('a', 2)");
  ASSERT_FALSE(duplicate.ok());
  EXPECT_EQ(duplicate.error().code, ErrorCode::kAlreadyExists);
  auto check = db_->Exec("INSERT INTO t VALUES ('b', -1)");
  ASSERT_FALSE(check.ok());
  EXPECT_EQ(check.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(check.error().message.rfind("sqlite: ", 0), 0u);
  auto syntax = db_->Prepare("SELEC nonsense");
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.error().code, ErrorCode::kInternal);
  auto range = db_->Prepare("SELECT ?");
  ASSERT_TRUE(range.ok());
  range->Bind(5, std::int64_t{1});
  auto stepped = range->Step();
  ASSERT_FALSE(stepped.ok());
  EXPECT_NE(stepped.error().message.find("binding parameter 5"), std::string::npos);
}

TEST_F(DatabaseTest, AWriterInAnotherProcessMeansUnavailable) {
  // A connection with its own mutex stands for another process: only SQLite's lock is shared.
  auto other = Connection::Open(dir_.File("db.sqlite"), nullptr);
  ASSERT_TRUE(other.ok());
  auto held = Transaction::Begin(**other, Transaction::Mode::kImmediate);
  ASSERT_TRUE(held.ok());
  ASSERT_TRUE(db_->Exec("PRAGMA busy_timeout = 20").ok());  // do not wait 5 s in a test
  auto blocked = Transaction::Begin(*db_, Transaction::Mode::kImmediate);
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.error().code, ErrorCode::kUnavailable);
  // Readers still read under WAL while the write lock is held.
  auto count = db_->Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(count.ok());
  EXPECT_TRUE(count->Step().ok());
}

TEST_F(DatabaseTest, UncommittedTransactionsRollBack) {
  {
    auto tx = Transaction::Begin(*db_, Transaction::Mode::kImmediate);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db_->Exec("INSERT INTO t VALUES ('gone', 1)").ok());
  }
  EXPECT_FALSE(db_->InTransaction());
  {
    auto tx = Transaction::Begin(*db_, Transaction::Mode::kImmediate);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db_->Exec("INSERT INTO t VALUES ('kept', 1)").ok());
    ASSERT_TRUE(tx->Commit().ok());
  }
  auto count = db_->Prepare("SELECT group_concat(k) FROM t");
  ASSERT_TRUE(count.ok() && *count->Step());
  EXPECT_EQ(count->Text(0), "kept");
  // The write mutex was released by both transactions.
  EXPECT_TRUE(write_mutex_.try_lock());
  write_mutex_.unlock();
}

}  // namespace
}  // namespace warta::storage::sqlite
