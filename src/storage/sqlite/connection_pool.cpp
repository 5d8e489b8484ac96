#include "storage/sqlite/connection_pool.h"

#include <utility>

namespace warta::storage::sqlite {

ConnectionPool::Lease::Lease(ConnectionPool* pool, std::unique_ptr<Connection> connection)
    : pool_(pool), connection_(std::move(connection)) {}

ConnectionPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {}

ConnectionPool::Lease::~Lease() {
  if (connection_ != nullptr) pool_->Return(std::move(connection_));
}

ConnectionPool::ConnectionPool(std::string path, int max_connections)
    : path_(std::move(path)), max_connections_(max_connections < 1 ? 1 : max_connections) {}

ConnectionPool::~ConnectionPool() = default;

Result<std::unique_ptr<ConnectionPool>> ConnectionPool::Open(const std::string& path,
                                                             int max_connections) {
  std::unique_ptr<ConnectionPool> pool(new ConnectionPool(path, max_connections));
  WARTA_ASSIGN_OR_RETURN(auto first, Connection::Open(path, &pool->write_mutex_));
  WARTA_ASSIGN_OR_RETURN(pool->checkpointer_, WalCheckpointer::Start(path, &pool->write_mutex_));
  WARTA_RETURN_IF_ERROR(pool->checkpointer_->Watch(*first));
  pool->idle_.push_back(std::move(first));
  pool->open_ = 1;
  return pool;
}

Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty() || open_ < max_connections_; });
  if (!idle_.empty()) {
    std::unique_ptr<Connection> connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(connection));
  }
  ++open_;
  lock.unlock();
  // Opening touches the file system: do it outside the lock.
  auto connection = Connection::Open(path_, &write_mutex_);
  Result<void> watched = connection.ok() ? checkpointer_->Watch(**connection) : Ok();
  if (!connection.ok() || !watched.ok()) {
    lock.lock();
    --open_;
    available_.notify_one();
    return connection.ok() ? watched.error() : connection.error();
  }
  return Lease(this, std::move(*connection));
}

void ConnectionPool::Return(std::unique_ptr<Connection> connection) {
  if (connection->InTransaction()) {
    // Normally Transaction has rolled back already; a connection must never go back to the
    // pool holding locks or half a transaction.
    if (!connection->Exec("ROLLBACK").ok()) connection.reset();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (connection != nullptr) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  available_.notify_one();
}

int ConnectionPool::open_connections() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_;
}

}  // namespace warta::storage::sqlite
