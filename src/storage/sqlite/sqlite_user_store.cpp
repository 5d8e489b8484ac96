// Accounts and sessions (SqliteUserStore, SqliteSessionStore).
#include <string_view>

#include "core/ascii.h"
#include "core/clock.h"
#include "storage/sqlite/sqlite_readers.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::sqlite {
namespace {

// Generous bounds: auth checks the real rules; these only keep junk out of the table.
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxHashBytes = 512;
constexpr std::size_t kMaxSessionIdBytes = 128;
// Uniqueness ignores ASCII case only: user names are ASCII (auth/username.h), and the
// folding must be the same on every backend (SQLite's NOCASE and PostgreSQL's lower()
// differ beyond ASCII).
std::string NameKey(std::string_view name) { return ascii::Lower(name); }

// The word users.role holds.
Result<std::string_view> RoleToStore(model::Role role) {
  return WordToStore(role, model::ParseRole, "role");
}

Result<void> CheckHash(const std::string& hash) {
  if (hash.empty() || hash.size() > kMaxHashBytes) {
    return Error::InvalidArgument("storage: bad password hash length");
  }
  return Ok();
}

constexpr std::string_view kUserColumns = "id, name, password_hash, role, created_at, banned_at";

Result<model::User> ReadUser(const Statement& stmt, int first) {
  WARTA_ASSIGN_OR_RETURN(model::Role role,
                         StoredWord(stmt.Text(first + 3), model::ParseRole, "role"));
  return model::User{stmt.Int64(first),     stmt.Text(first + 1), stmt.Text(first + 2), role,
                     stmt.Int64(first + 4), stmt.Int64(first + 5)};
}

Result<model::User> ReadUserRow(const Statement& stmt) { return ReadUser(stmt, 0); }

// Runs one durable write statement with two bound values; NotFound when it touched no row
// (the statement must end in RETURNING 1).
Result<void> UpdateUser(ConnectionPool& pool, std::string_view sql, std::int64_t id,
                        std::string_view value) {
  return InDurableWriteTransaction<void>(pool, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(sql));
    stmt.Bind(1, value).Bind(2, UnixNow()).Bind(3, id);
    return RunOrNotFound(stmt, "user", id);
  });
}

// Runs a DELETE ... RETURNING 1 in a durable transaction; returns the rows removed.
template <typename Binder>
Result<std::int64_t> DeleteRows(ConnectionPool& pool, std::string_view sql, Binder bind) {
  return InDurableWriteTransaction<std::int64_t>(
      pool, [&](Connection& connection) -> Result<std::int64_t> {
        WARTA_ASSIGN_OR_RETURN(auto removed, QueryAll(connection, sql, bind, RowFound));
        return static_cast<std::int64_t>(removed.size());
      });
}

}  // namespace

// --- users ---

Result<std::int64_t> SqliteUserStore::Create(const model::NewUser& user) {
  if (user.name.empty() || user.name.size() > kMaxNameBytes) {
    return Error::InvalidArgument("storage: bad user name length");
  }
  WARTA_RETURN_IF_ERROR(CheckHash(user.password_hash));
  WARTA_ASSIGN_OR_RETURN(std::string_view role, RoleToStore(user.role));
  return InDurableWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) -> Result<std::int64_t> {
        WARTA_ASSIGN_OR_RETURN(
            auto stmt,
            connection.Prepare(
                "INSERT INTO users (name, name_key, password_hash, role, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
        const std::int64_t now = UnixNow();
        stmt.Bind(1, user.name).Bind(2, NameKey(user.name)).Bind(3, user.password_hash);
        stmt.Bind(4, role).Bind(5, now).Bind(6, now);
        auto id = InsertReturningId(stmt, "user");
        if (!id.ok()) {
          return ExplainConflict(id.error(), "storage: the user name '" + user.name + "' is taken");
        }
        return id;
      });
}

Result<std::optional<model::User>> SqliteUserStore::FindByName(const std::string& name) {
  if (name.empty() || name.size() > kMaxNameBytes) return std::optional<model::User>();
  static const std::string sql =
      "SELECT " + std::string(kUserColumns) + " FROM users WHERE name_key = ?";
  return QueryFirst(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, NameKey(name)); }, ReadUserRow);
}

Result<std::optional<model::User>> SqliteUserStore::FindById(std::int64_t id) {
  static const std::string sql = "SELECT " + std::string(kUserColumns) + " FROM users WHERE id = ?";
  return QueryFirst(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, id); }, ReadUserRow);
}

Result<void> SqliteUserStore::SetPasswordHash(std::int64_t id, const std::string& password_hash) {
  WARTA_RETURN_IF_ERROR(CheckHash(password_hash));
  return UpdateUser(pool_,
                    "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ? RETURNING 1",
                    id, password_hash);
}

Result<void> SqliteUserStore::SetRole(std::int64_t id, model::Role role) {
  WARTA_ASSIGN_OR_RETURN(std::string_view word, RoleToStore(role));
  return UpdateUser(pool_, "UPDATE users SET role = ?, updated_at = ? WHERE id = ? RETURNING 1", id,
                    word);
}

Result<std::int64_t> SqliteUserStore::Count() {
  return QueryOneInt64(pool_, "SELECT count(*) FROM users", NoParams);
}

Result<std::vector<model::User>> SqliteUserStore::List(std::int64_t after_id, int limit) {
  if (limit < 1 || limit > 1000 || after_id < 0) {
    return Error::InvalidArgument("storage: user list bounds out of range");
  }
  static const std::string sql =
      "SELECT " + std::string(kUserColumns) + " FROM users WHERE id > ? ORDER BY id LIMIT ?";
  return QueryAll(
      pool_, sql, [&](Statement& stmt) { stmt.Bind(1, after_id).Bind(2, std::int64_t{limit}); },
      ReadUserRow);
}

Result<std::int64_t> SqliteUserStore::SetBanned(std::int64_t id, std::int64_t banned_at) {
  if (banned_at < 0) return Error::InvalidArgument("storage: negative ban time");
  return InDurableWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) -> Result<std::int64_t> {
        WARTA_ASSIGN_OR_RETURN(auto stmt,
                               connection.Prepare("UPDATE users SET banned_at = ?, updated_at = ? "
                                                  "WHERE id = ? RETURNING 1"));
        stmt.Bind(1, banned_at).Bind(2, UnixNow()).Bind(3, id);
        WARTA_RETURN_IF_ERROR(RunOrNotFound(stmt, "user", id));
        if (banned_at == 0) return std::int64_t{0};
        WARTA_ASSIGN_OR_RETURN(auto ended,
                               QueryAll(
                                   connection, "DELETE FROM sessions WHERE user_id = ? RETURNING 1",
                                   [&](Statement& s) { s.Bind(1, id); }, RowFound));
        return static_cast<std::int64_t>(ended.size());
      });
}

// --- sessions ---

Result<void> SqliteSessionStore::Create(const model::SessionRecord& session) {
  if (session.id_hash.empty() || session.id_hash.size() > kMaxSessionIdBytes) {
    return Error::InvalidArgument("storage: bad session id length");
  }
  return InDurableWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    // INSERT ... SELECT so a missing user is "no row" rather than a foreign-key error.
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, connection.Prepare(
                       "INSERT INTO sessions (id_hash, user_id, created_at, expires_at, "
                       "last_seen_at) SELECT ?, id, ?, ?, ? FROM users WHERE id = ? RETURNING 1"));
    stmt.Bind(1, session.id_hash).Bind(2, session.created_at).Bind(3, session.expires_at);
    stmt.Bind(4, session.last_seen_at).Bind(5, session.user_id);
    return RunOrNotFound(stmt, "user", session.user_id);
  });
}

Result<std::optional<model::SessionWithUser>> SqliteSessionStore::Find(const std::string& id_hash,
                                                                       std::int64_t now) {
  if (id_hash.empty() || id_hash.size() > kMaxSessionIdBytes) {
    return std::optional<model::SessionWithUser>();
  }
  return QueryFirst(
      pool_,
      "SELECT s.id_hash, s.user_id, s.created_at, s.expires_at, s.last_seen_at, "
      "u.id, u.name, u.password_hash, u.role, u.created_at, u.banned_at "
      "FROM sessions s JOIN users u ON u.id = s.user_id "
      "WHERE s.id_hash = ? AND s.expires_at > ? AND u.banned_at = 0",
      [&](Statement& stmt) { stmt.Bind(1, id_hash).Bind(2, now); },
      [](const Statement& stmt) -> Result<model::SessionWithUser> {
        model::SessionWithUser found;
        found.session = model::SessionRecord{stmt.Text(0), stmt.Int64(1), stmt.Int64(2),
                                             stmt.Int64(3), stmt.Int64(4)};
        WARTA_ASSIGN_OR_RETURN(found.user, ReadUser(stmt, 5));
        return found;
      });
}

Result<void> SqliteSessionStore::Touch(const std::string& id_hash, std::int64_t last_seen_at,
                                       std::int64_t expires_at) {
  // Not synced: losing a touch on a power cut only shortens a session a little.
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare("UPDATE sessions SET last_seen_at = ?, "
                                                         "expires_at = max(expires_at, ?) "
                                                         "WHERE id_hash = ?"));
    stmt.Bind(1, last_seen_at).Bind(2, expires_at).Bind(3, id_hash);
    return stmt.Run();
  });
}

Result<void> SqliteSessionStore::Delete(const std::string& id_hash) {
  WARTA_RETURN_IF_ERROR(DeleteRows(pool_, "DELETE FROM sessions WHERE id_hash = ? RETURNING 1",
                                   [&](Statement& stmt) { stmt.Bind(1, id_hash); }));
  return Ok();
}

Result<std::int64_t> SqliteSessionStore::DeleteForUser(std::int64_t user_id) {
  return DeleteRows(pool_, "DELETE FROM sessions WHERE user_id = ? RETURNING 1",
                    [&](Statement& stmt) { stmt.Bind(1, user_id); });
}

Result<std::int64_t> SqliteSessionStore::DeleteExpired(std::int64_t now) {
  return DeleteRows(pool_, "DELETE FROM sessions WHERE expires_at <= ? RETURNING 1",
                    [&](Statement& stmt) { stmt.Bind(1, now); });
}

Result<std::int64_t> SqliteSessionStore::DeleteForUserExcept(std::int64_t user_id,
                                                             const std::string& keep_id_hash) {
  return DeleteRows(pool_, "DELETE FROM sessions WHERE user_id = ? AND id_hash <> ? RETURNING 1",
                    [&](Statement& stmt) { stmt.Bind(1, user_id).Bind(2, keep_id_hash); });
}

}  // namespace warta::storage::sqlite
