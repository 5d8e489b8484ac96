#include "storage/sqlite/migrate.h"

#include <string>

#include "core/clock.h"

namespace warta::storage::sqlite {
namespace {

constexpr const char* kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)";

Result<int> MaxVersion(Connection& connection) {
  auto stmt = connection.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!stmt.ok()) return stmt.error();
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  return static_cast<int>(*row ? stmt->Int64(0) : 0);
}

Error TooNew(int found, int known) {
  return Error::Corrupt("sqlite: the database schema is version " + std::to_string(found) +
                        " but this warta knows versions up to " + std::to_string(known) +
                        "; use a newer warta (refusing to touch it)");
}

}  // namespace

Result<int> ReadSchemaVersion(Connection& connection) {
  auto exists = connection.Prepare(
      "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
  if (!exists.ok()) return exists.error();
  auto row = exists->Step();
  if (!row.ok()) return row.error();
  if (!*row || exists->Int64(0) == 0) return 0;
  return MaxVersion(connection);
}

Result<int> ApplyMigrations(Connection& connection,
                            std::span<const migrations::Migration> migrations) {
  const int latest = migrations::LatestVersion(migrations);
  for (;;) {
    auto tx = Transaction::Begin(connection, Transaction::Mode::kImmediate);
    if (!tx.ok()) return tx.error();
    WARTA_RETURN_IF_ERROR(connection.Exec(kCreateMigrationsTable));
    // Read under the write lock: another process may have migrated meanwhile.
    auto current = MaxVersion(connection);
    if (!current.ok()) return current.error();
    if (*current > latest) return TooNew(*current, latest);
    if (*current == latest) {
      WARTA_RETURN_IF_ERROR(tx->Commit());
      return latest;
    }
    const migrations::Migration& next = migrations[static_cast<std::size_t>(*current)];
    if (next.version != *current + 1) {
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
    WARTA_RETURN_IF_ERROR(tx->Commit());
  }
}

}  // namespace warta::storage::sqlite
