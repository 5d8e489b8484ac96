// A bounded pool of PostgreSQL connections to one database: connections are opened lazily up
// to max_connections; a caller beyond that waits at most acquire_timeout for one to come back
// (then Unavailable, so a request fails fast instead of piling up behind a stuck database).
// A connection that broke (server restart, network, pg_terminate_backend) is dropped when its
// lease ends and a new one is opened on the next Acquire, so the pool heals by itself.
//
// Thread safety: Acquire may be called from any thread. A Lease is used by one thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.h"
#include "storage/postgres/pg_connection.h"

namespace warta::storage::postgres {

struct PoolOptions {
  int max_connections = 8;
  int connect_timeout_seconds = 5;
  std::chrono::milliseconds acquire_timeout{5000};
};

class Pool {
 public:
  // A borrowed connection, returned to the pool when the lease ends. A transaction left open
  // is rolled back on return; a broken connection is closed instead.
  class Lease {
   public:
    Lease(Pool* pool, std::unique_ptr<Connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), connection_(std::move(other.connection_)) {}
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // Opens the first connection at once, so a bad URL or an unreachable server is reported
  // here (Unavailable) and not at the first query.
  static Result<std::unique_ptr<Pool>> Open(const std::string& url, const PoolOptions& options);
  ~Pool() = default;

  Result<Lease> Acquire();
  int open_connections() const;

 private:
  Pool(std::string url, const PoolOptions& options) : url_(std::move(url)), options_(options) {}
  void Return(std::unique_ptr<Connection> connection);

  const std::string url_;
  const PoolOptions options_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;  // idle + leased + being opened
};

}  // namespace warta::storage::postgres
