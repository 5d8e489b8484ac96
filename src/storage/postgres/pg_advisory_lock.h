// A PostgreSQL session-level advisory lock on a connection of its own: what makes a timed job
// run on one node of a cluster at a time (the publisher, the fetch of one source; DESIGN.md
// "Scale-out"). The lock lives as long as the object, or until its connection breaks: a node
// that dies (kill -9, network) gives the lock up with its session, so another node takes over.
//
// Thread safety: one object is used by one thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/result.h"

namespace warta::storage::postgres {

class Connection;  // pg_connection.h: kept out of this header, so app/ needs no libpq headers

class AdvisoryLock {
 public:
  // Takes lock `key` without waiting: nullopt when another session holds it. Unavailable when
  // the server cannot be reached.
  static Result<std::optional<AdvisoryLock>> TryAcquire(const std::string& url, std::int64_t key);

  AdvisoryLock(AdvisoryLock&&) noexcept;
  AdvisoryLock& operator=(AdvisoryLock&&) noexcept;
  ~AdvisoryLock();

  // Still held: the session is alive (checked without a round trip). A job that runs long
  // asks before each step and stops when it lost the lock.
  bool held();
  std::int64_t key() const { return key_; }

 private:
  AdvisoryLock(std::unique_ptr<Connection> connection, std::int64_t key);

  std::unique_ptr<Connection> connection_;
  std::int64_t key_ = 0;
};

}  // namespace warta::storage::postgres
