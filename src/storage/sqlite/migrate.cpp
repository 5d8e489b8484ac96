#include "storage/sqlite/migrate.h"

#include <string>

#include "core/clock.h"

namespace warta::storage::sqlite {
namespace {

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)";

Result<int> MaxVersion(Connection& connection) {
  WARTA_ASSIGN_OR_RETURN(
      auto stmt, connection.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  WARTA_ASSIGN_OR_RETURN(auto row, stmt.Step());
  return static_cast<int>(row ? stmt.Int64(0) : 0);
}

Error TooNew(int found, int known) {
  return Error::Corrupt("sqlite: the database schema is version " + std::to_string(found) +
                        " but this warta knows versions up to " + std::to_string(known) +
                        "; use a newer warta (refusing to touch it)");
}

}  // namespace

Result<int> ReadSchemaVersion(Connection& connection) {
  WARTA_ASSIGN_OR_RETURN(auto exists,
                         connection.Prepare("SELECT count(*) FROM sqlite_master WHERE type = "
                                            "'table' AND name = 'schema_migrations'"));
  WARTA_ASSIGN_OR_RETURN(auto row, exists.Step());
  if (!row || exists.Int64(0) == 0) return 0;
  return MaxVersion(connection);
}

Result<int> ApplyMigrations(Connection& connection,
                            std::span<const migrations::Migration> migrations) {
  const int latest = migrations::LatestVersion(migrations);
  for (;;) {
    WARTA_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(connection, Transaction::Mode::kImmediate));
    WARTA_RETURN_IF_ERROR(connection.Exec(kCreateMigrationsTable));
    // Read under the write lock: another process may have migrated meanwhile.
    WARTA_ASSIGN_OR_RETURN(auto current, MaxVersion(connection));
    if (current > latest) return TooNew(current, latest);
    if (current == latest) {
      WARTA_RETURN_IF_ERROR(tx.Commit());
      return latest;
    }
    const migrations::Migration& next = migrations[static_cast<std::size_t>(current)];
    if (next.version != current + 1) {
      return Error::Internal("sqlite: migration list has a gap before version " +
                             std::to_string(next.version));
    }
    auto applied = connection.Exec(std::string(next.sql));
    if (!applied.ok()) {
      return MakeError(applied.error().code, "sqlite: migration " + std::to_string(next.version) +
                                                 " failed: " + applied.error().message);
    }
    auto record =
        connection.Prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)");
    if (!record.ok()) return record.error();
    record->Bind(1, std::int64_t{next.version}).Bind(2, UnixNow());
    WARTA_RETURN_IF_ERROR(record->Run());
    WARTA_RETURN_IF_ERROR(tx.Commit());
  }
}

}  // namespace warta::storage::sqlite
