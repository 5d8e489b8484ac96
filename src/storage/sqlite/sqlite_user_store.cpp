// Accounts and sessions (SqliteUserStore, SqliteSessionStore).
#include <algorithm>
#include <array>
#include <functional>
#include <string_view>

#include "storage/sqlite/sqlite_readers.h"
#include "storage/sqlite/unix_time.h"

namespace warta::storage::sqlite {
namespace {

// Generous bounds: auth checks the real rules; these only keep junk out of the table.
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxHashBytes = 512;
constexpr std::size_t kMaxSessionIdBytes = 128;
constexpr std::array<std::string_view, 4> kRoles = {"reader", "moderator", "editor", "admin"};

// Uniqueness ignores ASCII case only: user names are ASCII (auth/username.h), and the
// folding must be the same on every backend (SQLite's NOCASE and PostgreSQL's lower()
// differ beyond ASCII).
std::string NameKey(std::string_view name) {
  std::string key(name);
  for (char& c : key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return key;
}

Result<void> CheckRole(const std::string& role) {
  if (std::find(kRoles.begin(), kRoles.end(), role) != kRoles.end()) return Ok();
  return MakeError(ErrorCode::kInvalidArgument, "storage: unknown role '" + role + "'");
}

Result<void> CheckHash(const std::string& hash) {
  if (hash.empty() || hash.size() > kMaxHashBytes) {
    return MakeError(ErrorCode::kInvalidArgument, "storage: bad password hash length");
  }
  return Ok();
}

constexpr std::string_view kUserColumns = "id, name, password_hash, role, created_at";

User ReadUser(const Statement& stmt, int first) {
  return User{stmt.Int64(first), stmt.Text(first + 1), stmt.Text(first + 2), stmt.Text(first + 3),
              stmt.Int64(first + 4)};
}

Result<std::optional<User>> FindUser(ConnectionPool& pool, std::string_view sql,
                                     const std::function<void(Statement&)>& bind) {
  auto connection = pool.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt = (*connection)->Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  bind(*stmt);
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<User>();
  return std::optional<User>(ReadUser(*stmt, 0));
}

// Runs one durable write statement with two bound values; NotFound when it touched no row
// (the statement must end in RETURNING 1).
Result<void> UpdateUser(ConnectionPool& pool, std::string_view sql, std::int64_t id,
                        const std::string& value) {
  auto connection = pool.Acquire();
  if (!connection.ok()) return connection.error();
  auto durable = DurableCommits::Begin(**connection);
  if (!durable.ok()) return durable.error();
  auto tx = Transaction::Begin(**connection, Transaction::Mode::kImmediate);
  if (!tx.ok()) return tx.error();
  auto stmt = (*connection)->Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, value).Bind(2, UnixNow()).Bind(3, id);
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  if (!*row) {
    return MakeError(ErrorCode::kNotFound, "storage: no user with id " + std::to_string(id));
  }
  WARTA_RETURN_IF_ERROR(stmt->Run());
  return tx->Commit();
}

// Runs a DELETE ... RETURNING 1 in a durable transaction; returns the rows removed.
template <typename Binder>
Result<std::int64_t> DeleteRows(ConnectionPool& pool, std::string_view sql, Binder bind) {
  auto connection = pool.Acquire();
  if (!connection.ok()) return connection.error();
  auto durable = DurableCommits::Begin(**connection);
  if (!durable.ok()) return durable.error();
  auto tx = Transaction::Begin(**connection, Transaction::Mode::kImmediate);
  if (!tx.ok()) return tx.error();
  auto stmt = (*connection)->Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  bind(*stmt);
  std::int64_t removed = 0;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    ++removed;
  }
  WARTA_RETURN_IF_ERROR(tx->Commit());
  return removed;
}

}  // namespace

// --- users ---

Result<std::int64_t> SqliteUserStore::Create(const NewUser& user) {
  if (user.name.empty() || user.name.size() > kMaxNameBytes) {
    return MakeError(ErrorCode::kInvalidArgument, "storage: bad user name length");
  }
  WARTA_RETURN_IF_ERROR(CheckHash(user.password_hash));
  WARTA_RETURN_IF_ERROR(CheckRole(user.role));
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto durable = DurableCommits::Begin(**connection);
  if (!durable.ok()) return durable.error();
  auto tx = Transaction::Begin(**connection, Transaction::Mode::kImmediate);
  if (!tx.ok()) return tx.error();
  auto stmt = (*connection)
                  ->Prepare(
                      "INSERT INTO users (name, name_key, password_hash, role, created_at, "
                      "updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id");
  if (!stmt.ok()) return stmt.error();
  const std::int64_t now = UnixNow();
  stmt->Bind(1, user.name).Bind(2, NameKey(user.name)).Bind(3, user.password_hash);
  stmt->Bind(4, user.role).Bind(5, now).Bind(6, now);
  auto row = stmt->Step();
  if (!row.ok()) {
    if (row.error().code == ErrorCode::kAlreadyExists) {
      return MakeError(ErrorCode::kAlreadyExists,
                       "storage: the user name '" + user.name + "' is taken");
    }
    return row.error();
  }
  if (!*row) return MakeError(ErrorCode::kInternal, "sqlite: INSERT user gave no id");
  const std::int64_t id = stmt->Int64(0);
  WARTA_RETURN_IF_ERROR(stmt->Run());
  WARTA_RETURN_IF_ERROR(tx->Commit());
  return id;
}

Result<std::optional<User>> SqliteUserStore::FindByName(const std::string& name) {
  if (name.empty() || name.size() > kMaxNameBytes) return std::optional<User>();
  static const std::string sql =
      "SELECT " + std::string(kUserColumns) + " FROM users WHERE name_key = ?";
  return FindUser(pool_, sql, [&](Statement& stmt) { stmt.Bind(1, NameKey(name)); });
}

Result<std::optional<User>> SqliteUserStore::FindById(std::int64_t id) {
  static const std::string sql = "SELECT " + std::string(kUserColumns) + " FROM users WHERE id = ?";
  return FindUser(pool_, sql, [&](Statement& stmt) { stmt.Bind(1, id); });
}

Result<void> SqliteUserStore::SetPasswordHash(std::int64_t id, const std::string& password_hash) {
  WARTA_RETURN_IF_ERROR(CheckHash(password_hash));
  return UpdateUser(pool_,
                    "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ? RETURNING 1",
                    id, password_hash);
}

Result<void> SqliteUserStore::SetRole(std::int64_t id, const std::string& role) {
  WARTA_RETURN_IF_ERROR(CheckRole(role));
  return UpdateUser(pool_, "UPDATE users SET role = ?, updated_at = ? WHERE id = ? RETURNING 1", id,
                    role);
}

Result<std::int64_t> SqliteUserStore::Count() {
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt = (*connection)->Prepare("SELECT count(*) FROM users");
  if (!stmt.ok()) return stmt.error();
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  return stmt->Int64(0);
}

// --- sessions ---

Result<void> SqliteSessionStore::Create(const SessionRecord& session) {
  if (session.id_hash.empty() || session.id_hash.size() > kMaxSessionIdBytes) {
    return MakeError(ErrorCode::kInvalidArgument, "storage: bad session id length");
  }
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto durable = DurableCommits::Begin(**connection);
  if (!durable.ok()) return durable.error();
  auto tx = Transaction::Begin(**connection, Transaction::Mode::kImmediate);
  if (!tx.ok()) return tx.error();
  // INSERT ... SELECT so a missing user is "no row" rather than a foreign-key error.
  auto stmt = (*connection)
                  ->Prepare(
                      "INSERT INTO sessions (id_hash, user_id, created_at, expires_at, "
                      "last_seen_at) SELECT ?, id, ?, ?, ? FROM users WHERE id = ? RETURNING 1");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, session.id_hash).Bind(2, session.created_at).Bind(3, session.expires_at);
  stmt->Bind(4, session.last_seen_at).Bind(5, session.user_id);
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  if (!*row) {
    return MakeError(ErrorCode::kNotFound,
                     "storage: no user with id " + std::to_string(session.user_id));
  }
  WARTA_RETURN_IF_ERROR(stmt->Run());
  return tx->Commit();
}

Result<std::optional<SessionWithUser>> SqliteSessionStore::Find(const std::string& id_hash,
                                                                std::int64_t now) {
  if (id_hash.empty() || id_hash.size() > kMaxSessionIdBytes) {
    return std::optional<SessionWithUser>();
  }
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt = (*connection)
                  ->Prepare(
                      "SELECT s.id_hash, s.user_id, s.created_at, s.expires_at, s.last_seen_at, "
                      "u.id, u.name, u.password_hash, u.role, u.created_at "
                      "FROM sessions s JOIN users u ON u.id = s.user_id "
                      "WHERE s.id_hash = ? AND s.expires_at > ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, id_hash).Bind(2, now);
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<SessionWithUser>();
  SessionWithUser found;
  found.session =
      SessionRecord{stmt->Text(0), stmt->Int64(1), stmt->Int64(2), stmt->Int64(3), stmt->Int64(4)};
  found.user = ReadUser(*stmt, 5);
  return std::optional<SessionWithUser>(std::move(found));
}

Result<void> SqliteSessionStore::Touch(const std::string& id_hash, std::int64_t last_seen_at,
                                       std::int64_t expires_at) {
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  // Not synced: losing a touch on a power cut only shortens a session a little.
  auto tx = Transaction::Begin(**connection, Transaction::Mode::kImmediate);
  if (!tx.ok()) return tx.error();
  auto stmt = (*connection)
                  ->Prepare(
                      "UPDATE sessions SET last_seen_at = ?, expires_at = max(expires_at, ?) "
                      "WHERE id_hash = ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, last_seen_at).Bind(2, expires_at).Bind(3, id_hash);
  WARTA_RETURN_IF_ERROR(stmt->Run());
  return tx->Commit();
}

Result<void> SqliteSessionStore::Delete(const std::string& id_hash) {
  auto removed = DeleteRows(pool_, "DELETE FROM sessions WHERE id_hash = ? RETURNING 1",
                            [&](Statement& stmt) { stmt.Bind(1, id_hash); });
  if (!removed.ok()) return removed.error();
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
