#include "storage/postgres/pg_advisory_lock.h"

#include <utility>

#include "storage/postgres/pg_connection.h"

namespace warta::storage::postgres {

Result<std::optional<AdvisoryLock>> AdvisoryLock::TryAcquire(const std::string& url,
                                                             std::int64_t key) {
  WARTA_ASSIGN_OR_RETURN(auto connection, Connection::Open(url, /*connect_timeout_seconds=*/5));
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         connection->Query("SELECT pg_try_advisory_lock($1)", Params().Add(key)));
  if (!rows.Bool(0, 0)) return std::optional<AdvisoryLock>();
  return std::optional<AdvisoryLock>(AdvisoryLock(std::move(connection), key));
}

AdvisoryLock::AdvisoryLock(std::unique_ptr<Connection> connection, std::int64_t key)
    : connection_(std::move(connection)), key_(key) {}
AdvisoryLock::AdvisoryLock(AdvisoryLock&&) noexcept = default;
AdvisoryLock& AdvisoryLock::operator=(AdvisoryLock&&) noexcept = default;

AdvisoryLock::~AdvisoryLock() {
  // Closing the session releases the lock too; unlocking first says so to the server at once
  // even when the close is delayed.
  if (connection_ && !connection_->broken()) {
    (void)connection_->Run("SELECT pg_advisory_unlock($1)", Params().Add(key_));
  }
}

bool AdvisoryLock::held() { return connection_ && connection_->Alive(); }

}  // namespace warta::storage::postgres
