#include "storage/postgres/pg_store.h"

#include <utility>

#include "core/clock.h"
#include "core/utf8.h"
#include "storage/migrations/migrations.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

// Any fixed number: the advisory lock that serializes migrations of nodes starting together.
constexpr std::int64_t kMigrationLock = 0x7761727461'01;

constexpr std::size_t kMaxSettingKeyBytes = 200;
constexpr std::size_t kMaxSettingValueBytes = std::size_t{64} * 1024;

Result<void> CheckSettingKey(const std::string& key) {
  if (key.empty()) return Error::InvalidArgument("settings: empty key");
  if (key.size() > kMaxSettingKeyBytes || !utf8::IsValid(key)) {
    return Error::InvalidArgument("settings: a key must be valid UTF-8 of at most " +
                                  std::to_string(kMaxSettingKeyBytes) + " bytes");
  }
  return Ok();
}

Result<int> ReadVersion(Connection& connection) {
  WARTA_ASSIGN_OR_RETURN(auto exists,
                         connection.Query("SELECT to_regclass('schema_migrations') IS NOT NULL"));
  if (!exists.Bool(0, 0)) return 0;
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query("SELECT coalesce(max(version), 0) FROM schema_migrations"));
  return static_cast<int>(rows.Int64(0, 0));
}

// Applies the next pending migration, if any, in the caller's transaction; returns the
// schema version after it.
Result<int> ApplyNext(Connection& connection) {
  const auto all = migrations::Postgres();
  const int latest = migrations::LatestVersion(all);
  WARTA_RETURN_IF_ERROR(
      connection.Run("SELECT pg_advisory_xact_lock($1)", Params().Add(kMigrationLock)));
  WARTA_RETURN_IF_ERROR(
      connection.Exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                      "version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)"));
  WARTA_ASSIGN_OR_RETURN(int current, ReadVersion(connection));
  if (current > latest) {
    return Error::Corrupt("postgresql: the database schema is version " + std::to_string(current) +
                          " but this warta knows versions up to " + std::to_string(latest) +
                          "; use a newer warta (refusing to touch it)");
  }
  if (current == latest) return current;
  const migrations::Migration& next = all[static_cast<std::size_t>(current)];
  auto applied = connection.Exec(next.sql);
  if (!applied.ok()) {
    return MakeError(applied.error().code, "postgresql: migration " + std::to_string(next.version) +
                                               " failed: " + applied.error().message);
  }
  WARTA_RETURN_IF_ERROR(
      connection.Run("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)",
                     Params().Add(next.version).Add(UnixNow())));
  return next.version;
}

}  // namespace

PgStore::PgStore(std::unique_ptr<Pool> pool)
    : pool_(std::move(pool)),
      articles_(*pool_, trending_policy_),
      settings_(*pool_),
      listings_(*pool_),
      tags_(*pool_),
      sources_(*pool_),
      users_(*pool_),
      sessions_(*pool_),
      comments_(*pool_, trending_policy_),
      spam_(*pool_),
      trending_(*pool_, trending_policy_),
      day_totals_(*pool_),
      sections_(*pool_),
      authors_(*pool_),
      pages_(*pool_),
      audit_(*pool_),
      tokens_(*pool_),
      account_links_(*pool_),
      presence_(*pool_),
      media_(*pool_),
      likes_(*pool_, trending_policy_),
      shares_(*pool_, trending_policy_),
      editorial_(*pool_),
      search_(*pool_) {}

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url, const PoolOptions& options) {
  WARTA_ASSIGN_OR_RETURN(auto pool, Pool::Open(url, options));
  return std::unique_ptr<PgStore>(new PgStore(std::move(pool)));
}

Result<int> PgStore::Migrate() {
  const int latest = migrations::LatestVersion(migrations::Postgres());
  for (;;) {
    WARTA_ASSIGN_OR_RETURN(
        int version, InWriteTransaction<int>(*pool_, [](Connection& c) { return ApplyNext(c); }));
    if (version == latest) return version;
  }
}

Result<int> PgStore::SchemaVersion() {
  return InReadTransaction<int>(*pool_, [](Connection& c) { return ReadVersion(c); });
}

Result<BackupReport> PgStore::Backup(const std::string& /*path*/,
                                     const BackupOptions& /*options*/) {
  return Error::InvalidArgument(
      "postgresql: warta backup copies SQLite files; back up PostgreSQL with pg_dump or "
      "pg_basebackup");
}

Result<std::optional<std::string>> PgSettingsStore::Get(const std::string& key) {
  WARTA_RETURN_IF_ERROR(CheckSettingKey(key));
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_, "SELECT value FROM settings WHERE key = $1", Params().Add(key)));
  if (rows.empty()) return std::optional<std::string>();
  return std::optional<std::string>(rows.Text(0, 0));
}

Result<void> PgSettingsStore::Set(const std::string& key, const std::string& value) {
  WARTA_RETURN_IF_ERROR(CheckSettingKey(key));
  if (value.size() > kMaxSettingValueBytes) {
    return Error::TooLarge("settings: value of '" + key + "' is longer than " +
                           std::to_string(kMaxSettingValueBytes) + " bytes");
  }
  if (!utf8::IsValid(value)) {
    return Error::InvalidArgument("settings: value of '" + key + "' is not valid UTF-8");
  }
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_,
                                   "INSERT INTO settings (key, value) VALUES ($1, $2) "
                                   "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                   Params().Add(key).Add(value)));
  (void)rows;
  return Ok();
}

}  // namespace warta::storage::postgres
