// PostgreSQL only: the advisory lock that lets one node of several run a job.
#include "storage/postgres/pg_advisory_lock.h"

#include <chrono>
#include <optional>
#include <thread>

#include "storage/backends.h"  // tests/storage/
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::contract {
namespace {

class PgAdvisoryLockTest : public StoreContract<PostgresBackend> {};

TEST_F(PgAdvisoryLockTest, OneHolderAtATimeAndReleasedWithTheObject) {
  auto first = postgres::AdvisoryLock::TryAcquire(backend_.url(), 42);
  ASSERT_TRUE(first.ok()) << first.error().message;
  ASSERT_TRUE(first->has_value());
  EXPECT_TRUE((*first)->held());
  auto second = postgres::AdvisoryLock::TryAcquire(backend_.url(), 42);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->has_value());
  auto other_key = postgres::AdvisoryLock::TryAcquire(backend_.url(), 43);
  ASSERT_TRUE(other_key.ok());
  EXPECT_TRUE(other_key->has_value());
  first->reset();
  auto third = postgres::AdvisoryLock::TryAcquire(backend_.url(), 42);
  ASSERT_TRUE(third.ok());
  EXPECT_TRUE(third->has_value());
}

// A node that dies gives the lock up with its session: another one takes over.
TEST_F(PgAdvisoryLockTest, ALostSessionLosesTheLock) {
  auto holder = postgres::AdvisoryLock::TryAcquire(backend_.url(), 7);
  ASSERT_TRUE(holder.ok() && holder->has_value());
  auto killed = postgres::QueryOnce(store().pool(),
                                    "SELECT count(pg_terminate_backend(l.pid)) FROM pg_locks l "
                                    "WHERE l.locktype = 'advisory' AND l.objid = 7 AND l.granted");
  ASSERT_TRUE(killed.ok()) << killed.error().message;
  EXPECT_EQ(killed->Int64(0, 0), 1);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE((*holder)->held());
  auto next = postgres::AdvisoryLock::TryAcquire(backend_.url(), 7);
  ASSERT_TRUE(next.ok());
  EXPECT_TRUE(next->has_value());
}

}  // namespace
}  // namespace warta::storage::contract
