// The audit log as the PostgreSQL newsroom stores write it: every curated change and its
// audit entry in one transaction (the SQLite twin is sqlite/audit_log.h). Internal to
// src/storage/postgres/.
#pragma once

#include <type_traits>

#include "model/newsroom.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {

// InvalidArgument for an entry without an action or with over-long or invalid text.
Result<void> CheckAuditEntry(const model::AuditEntry& entry);

// Appends `entry` (its target_id, or `target_id` when it names none); returns the new id.
Result<std::int64_t> AppendAudit(Connection& connection, const model::AuditEntry& entry,
                                 std::int64_t target_id = 0);

// Runs `write(Connection&)` and appends `audit` in one transaction. T is void, or the id of
// a row the write created (the entry's target when it names none).
template <typename T, typename Write>
Result<T> Audited(Pool& pool, const model::AuditEntry& audit, Write write) {
  WARTA_RETURN_IF_ERROR(CheckAuditEntry(audit));
  return InWriteTransaction<T>(pool, [&](Connection& connection) -> Result<T> {
    if constexpr (std::is_void_v<T>) {
      WARTA_RETURN_IF_ERROR(write(connection));
      WARTA_RETURN_IF_ERROR(AppendAudit(connection, audit));
      return Ok();
    } else {
      WARTA_ASSIGN_OR_RETURN(T id, write(connection));
      WARTA_RETURN_IF_ERROR(AppendAudit(connection, audit, id));
      return id;
    }
  });
}

}  // namespace warta::storage::postgres
