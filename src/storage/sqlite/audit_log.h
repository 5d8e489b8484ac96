// Appending to the audit log inside another store's write transaction, so a change and its
// record commit together. Internal to src/storage/sqlite/.
#pragma once

#include <cstdint>
#include <type_traits>

#include "core/result.h"
#include "model/newsroom.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {

// InvalidArgument for an entry without an action or with over-long texts.
Result<void> CheckAuditEntry(const model::AuditEntry& entry);

// Appends `entry`; a target_id of 0 is replaced by `target_id` (the row just created).
// Returns the entry's id.
Result<std::int64_t> AppendAudit(Connection& connection, const model::AuditEntry& entry,
                                 std::int64_t target_id = 0);

// Runs one write with its audit entry in a synced transaction. `write(Connection&)` returns
// Result<void>, or Result<std::int64_t> with the id of a row it created (the entry's
// target when the entry names none).
template <typename T, typename Write>
Result<T> Audited(ConnectionPool& pool, const model::AuditEntry& audit, Write write) {
  WARTA_RETURN_IF_ERROR(CheckAuditEntry(audit));
  return InDurableWriteTransaction<T>(pool, [&](Connection& connection) -> Result<T> {
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

}  // namespace warta::storage::sqlite
