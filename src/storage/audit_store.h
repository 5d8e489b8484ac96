// The audit log: who changed what in the newsroom, and when. The stores whose writes are
// audited append their entry in the write's own transaction; Append is for changes whose
// store takes no entry (a role change, a setting).
//
// Errors: InvalidArgument for an entry without an action, over-long texts or a limit out of
// range (nothing written); Io or Unavailable when the database fails.
// Transactions: every method is one transaction.
// Durability: Append is committed and synced to disk before returning.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/newsroom.h"

namespace warta::storage {

struct AuditQuery {
  std::string target_type;     // "" for any
  std::int64_t target_id = 0;  // 0 for any (with target_type)
  std::int64_t before_id = 0;  // 0: from the newest
  int limit = 50;              // 1..1000
};

class AuditStore {
 public:
  virtual ~AuditStore() = default;
  // Returns the entry's id.
  virtual Result<std::int64_t> Append(const model::AuditEntry& entry) = 0;
  // Newest first (by id), with user_name filled in.
  virtual Result<std::vector<model::AuditEntry>> List(const AuditQuery& query) = 0;
};

}  // namespace warta::storage
