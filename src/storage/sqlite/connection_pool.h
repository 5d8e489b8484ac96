// A small pool of SQLite connections to one database file: one connection per concurrent
// caller, created lazily up to a maximum; callers beyond that wait for a free one.
// WAL lets the connections read in parallel; writers are serialized by a shared mutex
// (see Transaction) because SQLite allows one writer at a time anyway. The log is
// checkpointed by a thread of the pool's own (WalCheckpointer), not by the committing writer.
//
// Thread safety: Acquire may be called from any thread. A Lease is used by one thread.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/wal_checkpointer.h"

namespace warta::storage::sqlite {

class ConnectionPool {
 public:
  // A borrowed connection, returned to the pool when the lease ends. A transaction left
  // open is rolled back on return.
  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection);
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // Opens the first connection at once, so a bad path is reported here and not at the
  // first query.
  static Result<std::unique_ptr<ConnectionPool>> Open(const std::string& path, int max_connections);
  ~ConnectionPool();

  Result<Lease> Acquire();

  const std::string& path() const { return path_; }
  int open_connections() const;
  WalCheckpointer::Counts checkpoints() const { return checkpointer_->counts(); }

 private:
  ConnectionPool(std::string path, int max_connections);
  void Return(std::unique_ptr<Connection> connection);

  const std::string path_;
  const int max_connections_;
  std::mutex write_mutex_;  // held by immediate transactions (see Transaction)
  // Declared before the connections: they hold its commit hook, so they close first.
  std::unique_ptr<WalCheckpointer> checkpointer_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;  // idle + leased + being opened
};

}  // namespace warta::storage::sqlite
