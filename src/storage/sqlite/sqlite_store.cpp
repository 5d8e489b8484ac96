#include "storage/sqlite/sqlite_store.h"

#include <utility>

#include "core/utf8.h"
#include "storage/migrations/migrations.h"
#include "storage/sqlite/migrate.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

// Settings are short strings (site name, locale, a description): the bounds only stop
// abuse through the admin form.
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

}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<ConnectionPool> pool)
    : pool_(std::move(pool)),
      group_commit_(*pool_),
      articles_(*pool_, trending_policy_),
      settings_(*pool_),
      sources_(*pool_),
      search_(*pool_),
      users_(*pool_),
      sessions_(*pool_),
      likes_(*pool_, group_commit_, trending_policy_),
      shares_(*pool_, group_commit_, trending_policy_),
      spam_(*pool_),
      comments_(*pool_, trending_policy_),
      listings_(*pool_),
      trending_(*pool_, trending_policy_),
      tags_(*pool_),
      media_(*pool_),

      editorial_(*pool_),
      sections_(*pool_),
      authors_(*pool_),
      pages_(*pool_),
      audit_(*pool_),
      tokens_(*pool_),
      account_links_(*pool_),
      presence_(*pool_),
      day_totals_(*pool_) {}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       int max_connections) {
  WARTA_ASSIGN_OR_RETURN(auto pool, ConnectionPool::Open(path, max_connections));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(pool)));
}

Result<int> SqliteStore::Migrate() {
  WARTA_ASSIGN_OR_RETURN(auto connection, pool_->Acquire());
  return ApplyMigrations(*connection, migrations::Sqlite());
}

Result<int> SqliteStore::SchemaVersion() {
  WARTA_ASSIGN_OR_RETURN(auto connection, pool_->Acquire());
  return ReadSchemaVersion(*connection);
}

Result<std::optional<std::string>> SqliteSettingsStore::Get(const std::string& key) {
  WARTA_RETURN_IF_ERROR(CheckSettingKey(key));
  return QueryFirst(
      pool_, "SELECT value FROM settings WHERE key = ?",
      [&](Statement& stmt) { stmt.Bind(1, key); },
      [](const Statement& stmt) { return stmt.Text(0); });
}

Result<void> SqliteSettingsStore::Set(const std::string& key, const std::string& value) {
  WARTA_RETURN_IF_ERROR(CheckSettingKey(key));
  if (value.size() > kMaxSettingValueBytes) {
    return Error::TooLarge("settings: value of '" + key + "' is longer than " +
                           std::to_string(kMaxSettingValueBytes) + " bytes");
  }
  if (!utf8::IsValid(value)) {
    return Error::InvalidArgument("settings: value of '" + key + "' is not valid UTF-8");
  }
  // An immediate transaction so writers of this process queue on the write mutex instead
  // of sleeping in SQLite's busy handler; committed, hence durable, before returning.
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, connection.Prepare("INSERT INTO settings (key, value) VALUES (?, ?) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    stmt.Bind(1, key).Bind(2, value);
    return stmt.Run();
  });
}

}  // namespace warta::storage::sqlite
