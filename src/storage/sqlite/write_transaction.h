// Running a store operation inside one transaction on a pooled connection: lease a
// connection, begin, run the body, commit when the body succeeded (a failed body rolls back
// when the transaction is dropped). Internal to src/storage/sqlite/.
#pragma once

#include <optional>
#include <utility>

#include "core/result.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/database.h"

namespace warta::storage::sqlite {

// Makes the commits of one connection synced to disk (synchronous=FULL) while it lives, and
// restores the pool's default (NORMAL: durable against a process crash, not a power cut)
// afterwards. Acknowledged likes, shares, comments and account changes use it. Create it
// before the transaction begins: SQLite ignores the setting inside one.
class DurableCommits {
 public:
  static Result<DurableCommits> Begin(Connection& connection);
  DurableCommits(DurableCommits&& other) noexcept;
  DurableCommits& operator=(DurableCommits&&) = delete;
  ~DurableCommits();

 private:
  explicit DurableCommits(Connection* connection) : connection_(connection) {}
  Connection* connection_;
};

namespace internal {

enum class TxKind { kRead, kWrite, kDurableWrite };

template <typename T, typename Body>
Result<T> InTransaction(ConnectionPool& pool, TxKind kind, Body body) {
  auto connection = pool.Acquire();
  if (!connection.ok()) return connection.error();
  std::optional<DurableCommits> durable;
  if (kind == TxKind::kDurableWrite) {
    auto synced = DurableCommits::Begin(**connection);
    if (!synced.ok()) return synced.error();
    durable.emplace(std::move(*synced));
  }
  auto tx = Transaction::Begin(**connection, kind == TxKind::kRead ? Transaction::Mode::kDeferred
                                                                   : Transaction::Mode::kImmediate);
  if (!tx.ok()) return tx.error();
  Result<T> result = body(**connection);
  if (!result.ok()) return result;
  WARTA_RETURN_IF_ERROR(tx->Commit());
  return result;
}

}  // namespace internal

// `body(Connection&)` returns Result<T>. A read transaction (deferred) gives the body one
// snapshot; a write transaction is immediate (see Transaction); a durable one also syncs its
// commit (DurableCommits).
template <typename T, typename Body>
Result<T> InReadTransaction(ConnectionPool& pool, Body body) {
  return internal::InTransaction<T>(pool, internal::TxKind::kRead, body);
}

template <typename T, typename Body>
Result<T> InWriteTransaction(ConnectionPool& pool, Body body) {
  return internal::InTransaction<T>(pool, internal::TxKind::kWrite, body);
}

template <typename T, typename Body>
Result<T> InDurableWriteTransaction(ConnectionPool& pool, Body body) {
  return internal::InTransaction<T>(pool, internal::TxKind::kDurableWrite, body);
}

}  // namespace warta::storage::sqlite
