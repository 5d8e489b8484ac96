// Running a store operation as one PostgreSQL transaction on a pooled connection, retried when
// PostgreSQL asks for it. Internal to src/storage/postgres/.
//
// A body may run more than once: on a serialization failure or deadlock (40001, 40P01) and on a
// connection lost before COMMIT was sent, the whole transaction is rolled back and run again on
// a fresh lease, up to kMaxAttempts times with a short growing pause. The body must therefore
// do nothing outside the database that it cannot repeat. A connection lost during COMMIT is
// not retried (the commit may have happened): the caller gets Unavailable.
//
// Reads run REPEATABLE READ READ ONLY, so a body that reads several queries sees one snapshot
// (what the SQLite read transactions give). Writes run READ COMMITTED, PostgreSQL's default:
// each store's statements are written to be correct under it (counters as `x = x + $1`,
// inserts under unique keys with ON CONFLICT), which lets nodes write concurrently without
// retries in the common case.
#pragma once

#include <chrono>
#include <thread>
#include <utility>

#include "core/result.h"
#include "storage/postgres/pg_pool.h"

namespace warta::storage::postgres {

inline constexpr int kMaxAttempts = 5;

namespace internal {

enum class TxKind { kRead, kWrite };

template <typename T, typename Body>
Result<T> InTransaction(Pool& pool, TxKind kind, Body& body) {
  // The last retryable error, returned when every attempt failed. Kept apart from the
  // body's Result so no Result<T> is assigned over (GCC 12 misreads that as uninitialized).
  Error last = Error::Internal("postgresql: transaction never ran");
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    if (attempt > 1) std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt * attempt));
    auto lease = pool.Acquire();
    if (!lease.ok()) return lease.error();
    Connection& connection = **lease;
    auto begun = connection.Exec(
        kind == TxKind::kRead ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
    if (!begun.ok()) {
      if (!connection.retryable()) return begun.error();
      last = begun.error();
      continue;
    }
    Result<T> result = body(connection);
    if (!result.ok()) {
      if (!connection.retryable()) return result;
      last = result.error();  // the lease's return rolls back
      continue;
    }
    auto committed = connection.Exec("COMMIT");
    if (committed.ok()) return result;
    // A serialization failure at commit left nothing behind: retry. A lost connection may or
    // may not have committed: report it.
    if (!connection.retryable() || connection.broken()) return committed.error();
    last = committed.error();
  }
  return last;
}

}  // namespace internal

// `body(Connection&)` returns Result<T>; see the header comment for when it runs again.
template <typename T, typename Body>
Result<T> InReadTransaction(Pool& pool, Body body) {
  return internal::InTransaction<T>(pool, internal::TxKind::kRead, body);
}

template <typename T, typename Body>
Result<T> InWriteTransaction(Pool& pool, Body body) {
  return internal::InTransaction<T>(pool, internal::TxKind::kWrite, body);
}

// One statement outside an explicit transaction (autocommit), retried like a transaction.
Result<Rows> QueryOnce(Pool& pool, std::string_view sql, const Params& params = Params());

}  // namespace warta::storage::postgres
