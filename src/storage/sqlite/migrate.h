// Applies the forward-only migrations of src/storage/migrations/ to one SQLite connection.
#pragma once

#include <span>

#include "core/result.h"
#include "storage/migrations/migrations.h"
#include "storage/sqlite/database.h"

namespace warta::storage::sqlite {

// The highest applied version; 0 for a database without schema_migrations.
Result<int> ReadSchemaVersion(Connection& connection);

// Applies every migration newer than the database, each in its own immediate transaction
// (so concurrent migrators, even in other processes, apply each version once). Idempotent.
// kCorrupt when the database is newer than the newest migration this binary knows: an
// older binary must not write to a schema it does not understand.
Result<int> ApplyMigrations(Connection& connection,
                            std::span<const migrations::Migration> migrations);

}  // namespace warta::storage::sqlite
