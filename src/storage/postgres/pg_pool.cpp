#include "storage/postgres/pg_pool.h"

#include <utility>

namespace warta::storage::postgres {

Pool::Lease::~Lease() {
  if (!connection_) return;
  pool_->Return(std::move(connection_));
}

Result<std::unique_ptr<Pool>> Pool::Open(const std::string& url, const PoolOptions& options) {
  if (options.max_connections < 1) {
    return Error::InvalidArgument("postgresql: the pool needs at least one connection");
  }
  auto pool = std::unique_ptr<Pool>(new Pool(url, options));
  WARTA_ASSIGN_OR_RETURN(auto first, Connection::Open(url, options.connect_timeout_seconds));
  pool->idle_.push_back(std::move(first));
  pool->open_ = 1;
  return pool;
}

Result<Pool::Lease> Pool::Acquire() {
  std::unique_lock lock(mutex_);
  const auto deadline = std::chrono::steady_clock::now() + options_.acquire_timeout;
  while (idle_.empty() && open_ >= options_.max_connections) {
    if (available_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= options_.max_connections) {
      return Error::Unavailable("postgresql: all " + std::to_string(options_.max_connections) +
                                " connections busy for " +
                                std::to_string(options_.acquire_timeout.count()) + " ms");
    }
  }
  while (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    // The server may have closed it while it sat idle: open a new one instead (no query
    // would be sent on a dead one, so no caller has to retry).
    if (connection->Alive()) return Lease(this, std::move(connection));
    --open_;
  }
  ++open_;
  lock.unlock();  // connecting takes a round trip or more: others may use idle ones meanwhile
  auto connection = Connection::Open(url_, options_.connect_timeout_seconds);
  if (!connection.ok()) {
    lock.lock();
    --open_;
    available_.notify_one();
    return connection.error();
  }
  return Lease(this, std::move(*connection));
}

void Pool::Return(std::unique_ptr<Connection> connection) {
  // A body that failed leaves its transaction open (or aborted): roll it back before anyone
  // else gets the connection. A failed rollback means the connection is unusable.
  if (!connection->broken() && connection->in_transaction()) {
    if (!connection->Exec("ROLLBACK").ok()) connection.reset();
  }
  if (connection && connection->broken()) connection.reset();
  std::lock_guard lock(mutex_);
  if (connection) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  available_.notify_one();
}

int Pool::open_connections() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace warta::storage::postgres
