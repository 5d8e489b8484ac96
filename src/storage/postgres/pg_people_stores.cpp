// Accounts and sessions on PostgreSQL (storage/user_store.h, storage/session_store.h).
// Sessions live in the database, so every node sees a login at once.
#include "core/ascii.h"
#include "core/clock.h"
#include "model/role.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/pg_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::postgres {
namespace {

// The SQLite store's bounds, for the same reasons (auth checks the real rules).
constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxHashBytes = 512;
constexpr std::size_t kMaxSessionIdBytes = 128;
// ASCII folding, the same on every backend (auth/username.h names are ASCII).
std::string NameKey(std::string_view name) { return ascii::Lower(name); }

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

Result<model::User> ReadUser(const Rows& rows, int row, int first) {
  WARTA_ASSIGN_OR_RETURN(model::Role role,
                         StoredWord(rows.Text(row, first + 3), model::ParseRole, "role"));
  return model::User{rows.Int64(row, first),     rows.Text(row, first + 1),
                     rows.Text(row, first + 2),  role,
                     rows.Int64(row, first + 4), rows.Int64(row, first + 5)};
}

Result<std::optional<model::User>> OneUser(Pool& pool, std::string_view sql, const Params& params) {
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool, sql, params));
  if (rows.empty()) return std::optional<model::User>();
  WARTA_ASSIGN_OR_RETURN(auto user, ReadUser(rows, 0, 0));
  return std::optional<model::User>(std::move(user));
}

// An UPDATE ... RETURNING 1 of one user; NotFound when it touched no row.
Result<void> UpdateUser(Pool& pool, std::string_view sql, std::int64_t id, std::string_view value) {
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool, sql, Params().Add(value).Add(UnixNow()).Add(id)));
  if (rows.empty()) return NoSuchId("user", id);
  return Ok();
}

Result<std::int64_t> DeleteRows(Pool& pool, std::string_view sql, const Params& params) {
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool, sql, params));
  return rows.affected();
}

}  // namespace

Result<std::int64_t> PgUserStore::Create(const model::NewUser& user) {
  if (user.name.empty() || user.name.size() > kMaxNameBytes) {
    return Error::InvalidArgument("storage: bad user name length");
  }
  WARTA_RETURN_IF_ERROR(CheckHash(user.password_hash));
  WARTA_ASSIGN_OR_RETURN(std::string_view role, RoleToStore(user.role));
  const std::int64_t now = UnixNow();
  auto rows = QueryOnce(
      pool_,
      "INSERT INTO users (name, name_key, password_hash, role, created_at, "
      "updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
      Params().Add(user.name).Add(NameKey(user.name)).Add(user.password_hash).Add(role).Add(now));
  if (!rows.ok()) {
    if (rows.error().is(ErrorCode::kAlreadyExists)) {
      return Error::AlreadyExists("storage: the user name '" + user.name + "' is taken");
    }
    return rows.error();
  }
  return rows->Int64(0, 0);
}

Result<std::optional<model::User>> PgUserStore::FindByName(const std::string& name) {
  if (name.empty() || name.size() > kMaxNameBytes) return std::optional<model::User>();
  static const std::string sql =
      "SELECT " + std::string(kUserColumns) + " FROM users WHERE name_key = $1";
  return OneUser(pool_, sql, Params().Add(NameKey(name)));
}

Result<std::optional<model::User>> PgUserStore::FindById(std::int64_t id) {
  static const std::string sql =
      "SELECT " + std::string(kUserColumns) + " FROM users WHERE id = $1";
  return OneUser(pool_, sql, Params().Add(id));
}

Result<void> PgUserStore::SetPasswordHash(std::int64_t id, const std::string& password_hash) {
  WARTA_RETURN_IF_ERROR(CheckHash(password_hash));
  return UpdateUser(
      pool_, "UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3 RETURNING 1", id,
      password_hash);
}

Result<void> PgUserStore::SetRole(std::int64_t id, model::Role role) {
  WARTA_ASSIGN_OR_RETURN(std::string_view word, RoleToStore(role));
  return UpdateUser(pool_, "UPDATE users SET role = $1, updated_at = $2 WHERE id = $3 RETURNING 1",
                    id, word);
}

Result<std::int64_t> PgUserStore::Count() {
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, "SELECT count(*) FROM users"));
  return rows.Int64(0, 0);
}

Result<std::vector<model::User>> PgUserStore::List(std::int64_t after_id, int limit) {
  if (limit < 1 || limit > 1000 || after_id < 0) {
    return Error::InvalidArgument("storage: user list bounds out of range");
  }
  static const std::string sql =
      "SELECT " + std::string(kUserColumns) + " FROM users WHERE id > $1 ORDER BY id LIMIT $2";
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql, Params().Add(after_id).Add(limit)));
  std::vector<model::User> out;
  for (int i = 0; i < rows.size(); ++i) {
    WARTA_ASSIGN_OR_RETURN(auto user, ReadUser(rows, i, 0));
    out.push_back(std::move(user));
  }
  return out;
}

Result<std::int64_t> PgUserStore::SetBanned(std::int64_t id, std::int64_t banned_at) {
  if (banned_at < 0) return Error::InvalidArgument("storage: negative ban time");
  return InWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) -> Result<std::int64_t> {
        WARTA_ASSIGN_OR_RETURN(auto rows,
                               connection.Query("UPDATE users SET banned_at = $1, updated_at = $2 "
                                                "WHERE id = $3 RETURNING 1",
                                                Params().Add(banned_at).Add(UnixNow()).Add(id)));
        if (rows.empty()) return NoSuchId("user", id);
        if (banned_at == 0) return std::int64_t{0};
        WARTA_ASSIGN_OR_RETURN(
            auto ended,
            connection.Query("DELETE FROM sessions WHERE user_id = $1", Params().Add(id)));
        return ended.affected();
      });
}

Result<void> PgSessionStore::Create(const model::SessionRecord& session) {
  if (session.id_hash.empty() || session.id_hash.size() > kMaxSessionIdBytes) {
    return Error::InvalidArgument("storage: bad session id length");
  }
  // INSERT ... SELECT so a missing user is "no row" rather than a foreign-key error.
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_,
                           "INSERT INTO sessions (id_hash, user_id, created_at, expires_at, "
                           "last_seen_at) SELECT $1, id, $2, $3, $4 FROM users WHERE id = $5 "
                           "RETURNING 1",
                           Params()
                               .Add(session.id_hash)
                               .Add(session.created_at)
                               .Add(session.expires_at)
                               .Add(session.last_seen_at)
                               .Add(session.user_id)));
  if (rows.empty()) return NoSuchId("user", session.user_id);
  return Ok();
}

Result<std::optional<model::SessionWithUser>> PgSessionStore::Find(const std::string& id_hash,
                                                                   std::int64_t now) {
  if (id_hash.empty() || id_hash.size() > kMaxSessionIdBytes) {
    return std::optional<model::SessionWithUser>();
  }
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_,
                           "SELECT s.id_hash, s.user_id, s.created_at, s.expires_at, "
                           "s.last_seen_at, u.id, u.name, u.password_hash, u.role, u.created_at, "
                           "u.banned_at FROM sessions s JOIN users u ON u.id = s.user_id "
                           "WHERE s.id_hash = $1 AND s.expires_at > $2 AND u.banned_at = 0",
                           Params().Add(id_hash).Add(now)));
  if (rows.empty()) return std::optional<model::SessionWithUser>();
  model::SessionWithUser found;
  found.session = model::SessionRecord{rows.Text(0, 0), rows.Int64(0, 1), rows.Int64(0, 2),
                                       rows.Int64(0, 3), rows.Int64(0, 4)};
  WARTA_ASSIGN_OR_RETURN(found.user, ReadUser(rows, 0, 5));
  return std::optional<model::SessionWithUser>(std::move(found));
}

Result<void> PgSessionStore::Touch(const std::string& id_hash, std::int64_t last_seen_at,
                                   std::int64_t expires_at) {
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_,
                                   "UPDATE sessions SET last_seen_at = $1, "
                                   "expires_at = greatest(expires_at, $2) WHERE id_hash = $3",
                                   Params().Add(last_seen_at).Add(expires_at).Add(id_hash)));
  (void)rows;
  return Ok();
}

Result<void> PgSessionStore::Delete(const std::string& id_hash) {
  WARTA_RETURN_IF_ERROR(
      DeleteRows(pool_, "DELETE FROM sessions WHERE id_hash = $1", Params().Add(id_hash)));
  return Ok();
}

Result<std::int64_t> PgSessionStore::DeleteForUser(std::int64_t user_id) {
  return DeleteRows(pool_, "DELETE FROM sessions WHERE user_id = $1", Params().Add(user_id));
}

Result<std::int64_t> PgSessionStore::DeleteExpired(std::int64_t now) {
  return DeleteRows(pool_, "DELETE FROM sessions WHERE expires_at <= $1", Params().Add(now));
}

Result<std::int64_t> PgSessionStore::DeleteForUserExcept(std::int64_t user_id,
                                                         const std::string& keep_id_hash) {
  return DeleteRows(pool_, "DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2",
                    Params().Add(user_id).Add(keep_id_hash));
}

}  // namespace warta::storage::postgres
