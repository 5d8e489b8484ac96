#include "storage/sqlite/group_commit.h"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "storage/testing/temp_dir.h"

namespace warta::storage::sqlite {
namespace {

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto pool = ConnectionPool::Open(dir_.File("db.sqlite"), 8);
    ASSERT_TRUE(pool.ok()) << pool.error().message;
    pool_ = std::move(*pool);
    auto lease = pool_->Acquire();
    ASSERT_TRUE(lease.ok());
    ASSERT_TRUE((*lease)->Exec("CREATE TABLE t (k TEXT PRIMARY KEY)").ok());
  }

  // A body that inserts `key` (failing on a duplicate).
  static GroupCommit::Body Insert(std::string key) {
    return [key = std::move(key)](Connection& connection) -> Result<void> {
      WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare("INSERT INTO t (k) VALUES (?)"));
      stmt.Bind(1, key);
      return stmt.Run();
    };
  }

  std::vector<std::string> Keys() {
    std::vector<std::string> keys;
    auto lease = pool_->Acquire();
    auto stmt = (*lease)->Prepare("SELECT k FROM t ORDER BY k");
    while (*stmt->Step()) keys.push_back(stmt->Text(0));
    return keys;
  }

  // Runs `first` on a thread of its own, holding its group open until `others` (each on a
  // thread of its own) all wait for the next one; returns every result, first's first.
  std::vector<Result<void>> RunBehind(GroupCommit& group, GroupCommit::Body first,
                                      std::vector<GroupCommit::Body> others) {
    std::vector<Result<void>> results(others.size() + 1, Ok());
    const std::size_t n = others.size();
    std::vector<std::thread> threads;
    std::atomic<bool> inside{false};
    threads.emplace_back([&] {
      results[0] = group.Run([&](Connection& connection) {
        inside = true;
        while (group.waiting() < n) std::this_thread::yield();
        return first(connection);
      });
    });
    while (!inside) std::this_thread::yield();
    for (std::size_t i = 0; i < n; ++i) {
      threads.emplace_back([&, i] { results[i + 1] = group.Run(others[i]); });
    }
    for (auto& t : threads) t.join();
    return results;
  }

  test_util::TempDir dir_;
  std::unique_ptr<ConnectionPool> pool_;
};

TEST_F(GroupCommitTest, AloneAWriteIsAGroupOfOne) {
  GroupCommit group(*pool_);
  ASSERT_TRUE(group.Run(Insert("a")).ok());
  auto again = group.Run(Insert("a"));
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.error().message.find("UNIQUE"), std::string::npos) << again.error().message;
  EXPECT_EQ(Keys(), std::vector<std::string>{"a"});
  EXPECT_EQ(group.counts().groups, 2u);
  EXPECT_EQ(group.counts().bodies, 2u);
}

TEST_F(GroupCommitTest, WritesThatWaitTogetherShareOneCommit) {
  GroupCommit group(*pool_);
  auto results = RunBehind(group, Insert("first"), {Insert("b"), Insert("c"), Insert("d")});
  for (const auto& r : results) EXPECT_TRUE(r.ok());
  EXPECT_EQ(Keys(), (std::vector<std::string>{"b", "c", "d", "first"}));
  EXPECT_EQ(group.counts().groups, 2u);  // the first alone, then the three together
  EXPECT_EQ(group.counts().bodies, 4u);
}

TEST_F(GroupCommitTest, AFailedWriteIsUndoneAloneAndTheOthersCommit) {
  GroupCommit group(*pool_);
  GroupCommit::Body half_done = [](Connection& connection) -> Result<void> {
    WARTA_RETURN_IF_ERROR(Insert("half")(connection));
    return Error::InvalidArgument("changed my mind");
  };
  GroupCommit::Body throws = [](Connection& connection) -> Result<void> {
    WARTA_RETURN_IF_ERROR(Insert("thrown")(connection));
    throw std::runtime_error("boom");
  };
  auto results = RunBehind(group, Insert("first"), {half_done, Insert("kept"), throws});
  EXPECT_TRUE(results[0].ok());
  ASSERT_FALSE(results[1].ok());
  EXPECT_EQ(results[1].error().message, "changed my mind");
  EXPECT_TRUE(results[2].ok());
  ASSERT_FALSE(results[3].ok());
  EXPECT_NE(results[3].error().message.find("boom"), std::string::npos);
  EXPECT_EQ(Keys(), (std::vector<std::string>{"first", "kept"}));
}

TEST_F(GroupCommitTest, AGroupIsCappedAndEveryWriteLands) {
  GroupCommit group(*pool_, /*max_batch=*/3);
  constexpr int kThreads = 12;
  constexpr int kEach = 40;
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        if (!group.Run(Insert(std::to_string(t) + "-" + std::to_string(i))).ok()) ++failed;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failed.load(), 0);
  EXPECT_EQ(Keys().size(), std::size_t{kThreads * kEach});
  const auto counts = group.counts();
  EXPECT_EQ(counts.bodies, std::uint64_t{kThreads * kEach});
  EXPECT_GE(counts.groups * 3, counts.bodies);  // never more than 3 in one
}

}  // namespace
}  // namespace warta::storage::sqlite
