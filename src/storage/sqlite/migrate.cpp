#include "storage/sqlite/migrate.h"

#include <optional>
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

Result<bool> ForeignKeysEnabled(Connection& connection) {
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare("PRAGMA foreign_keys"));
  WARTA_ASSIGN_OR_RETURN(auto row, stmt.Step());
  const bool on = row && stmt.Int64(0) != 0;
  WARTA_RETURN_IF_ERROR(stmt.Run());
  return on;
}

// Foreign-key enforcement off on one connection between two transactions (a migration with
// Migration::foreign_keys_off), and on again when Restore() is called or, failing that, when
// it is destroyed: the pooled connection must never go back to the pool without it.
class ForeignKeysOff {
 public:
  explicit ForeignKeysOff(Connection& connection) : connection_(connection) {}
  ForeignKeysOff(const ForeignKeysOff&) = delete;
  ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;
  ~ForeignKeysOff() {
    if (off_) (void)Restore();
  }

  Result<void> TurnOff() {
    WARTA_RETURN_IF_ERROR(connection_.Exec("PRAGMA foreign_keys = OFF"));
    off_ = true;
    WARTA_ASSIGN_OR_RETURN(bool still_on, ForeignKeysEnabled(connection_));
    if (still_on) return Error::Internal("sqlite: foreign keys could not be turned off");
    return Ok();
  }

  Result<void> Restore() {
    WARTA_RETURN_IF_ERROR(connection_.Exec("PRAGMA foreign_keys = ON"));
    WARTA_ASSIGN_OR_RETURN(bool on, ForeignKeysEnabled(connection_));
    if (!on) return Error::Internal("sqlite: foreign keys could not be turned back on");
    off_ = false;
    return Ok();
  }

 private:
  Connection& connection_;
  bool off_ = false;
};

// Corrupt naming the first row whose key points nowhere, after a migration that ran with
// enforcement off; Ok when every key holds.
Result<void> CheckForeignKeys(Connection& connection, int version) {
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare("PRAGMA foreign_key_check"));
  WARTA_ASSIGN_OR_RETURN(auto row, stmt.Step());
  if (!row) return Ok();
  Error broken = Error::Corrupt("sqlite: migration " + std::to_string(version) +
                                " would break a foreign key: " + stmt.Text(0) + " row " +
                                std::to_string(stmt.Int64(1)) + " refers to a missing " +
                                stmt.Text(2) + " row (nothing applied)");
  WARTA_RETURN_IF_ERROR(stmt.Run());
  return broken;
}

Result<void> Apply(Connection& connection, const migrations::Migration& next) {
  auto applied = connection.Exec(std::string(next.sql));
  if (!applied.ok()) {
    return MakeError(applied.error().code, "sqlite: migration " + std::to_string(next.version) +
                                               " failed: " + applied.error().message);
  }
  if (next.foreign_keys_off) WARTA_RETURN_IF_ERROR(CheckForeignKeys(connection, next.version));
  WARTA_ASSIGN_OR_RETURN(
      auto record,
      connection.Prepare("INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)"));
  record.Bind(1, std::int64_t{next.version}).Bind(2, UnixNow());
  return record.Run();
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
  std::optional<ForeignKeysOff> keys_off;
  bool want_keys_off = false;
  for (;;) {
    // The pragma is a no-op inside a transaction: switch between transactions only.
    if (want_keys_off && !keys_off) {
      keys_off.emplace(connection);
      WARTA_RETURN_IF_ERROR(keys_off->TurnOff());
    } else if (!want_keys_off && keys_off) {
      WARTA_RETURN_IF_ERROR(keys_off->Restore());
      keys_off.reset();
    }
    WARTA_ASSIGN_OR_RETURN(auto tx, Transaction::Begin(connection, Transaction::Mode::kImmediate));
    WARTA_RETURN_IF_ERROR(connection.Exec(kCreateMigrationsTable));
    // Read under the write lock: another process may have migrated meanwhile.
    WARTA_ASSIGN_OR_RETURN(auto current, MaxVersion(connection));
    if (current > latest) return TooNew(current, latest);
    if (current == latest) {
      WARTA_RETURN_IF_ERROR(tx.Commit());
      if (keys_off) WARTA_RETURN_IF_ERROR(keys_off->Restore());
      return latest;
    }
    const migrations::Migration& next = migrations[static_cast<std::size_t>(current)];
    if (next.version != current + 1) {
      return Error::Internal("sqlite: migration list has a gap before version " +
                             std::to_string(next.version));
    }
    if (next.foreign_keys_off != keys_off.has_value()) {
      // Roll back (nothing was written but the table above), switch, and read again.
      want_keys_off = next.foreign_keys_off;
      continue;
    }
    WARTA_RETURN_IF_ERROR(Apply(connection, next));
    WARTA_RETURN_IF_ERROR(tx.Commit());
  }
}

}  // namespace warta::storage::sqlite
