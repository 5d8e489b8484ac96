// Accounts. The name and password rules are auth's (auth/username.h, auth/password.h); this
// store only keeps junk out of the table.
//
// Errors: as each method says; also Io or Unavailable when the database fails, and Corrupt
// when a stored role is not one model::ParseRole knows.
// Transactions: every method is one transaction.
// Durability: writes are committed and synced to disk before returning: an account that was
// created, or a password that was changed, survives a power cut.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/role.h"
#include "model/user.h"

namespace warta::storage {

class UserStore {
 public:
  virtual ~UserStore() = default;
  // Inserts and returns the new id. AlreadyExists when the name is taken (ignoring ASCII
  // case); InvalidArgument for an empty or over-long name or hash, or a role outside the
  // enum.
  virtual Result<std::int64_t> Create(const model::NewUser& user) = 0;
  // nullopt when there is no such account.
  virtual Result<std::optional<model::User>> FindByName(const std::string& name) = 0;
  virtual Result<std::optional<model::User>> FindById(std::int64_t id) = 0;
  // NotFound when there is no such account.
  virtual Result<void> SetPasswordHash(std::int64_t id, const std::string& password_hash) = 0;
  // NotFound when there is no such account; InvalidArgument as Create for the role.
  virtual Result<void> SetRole(std::int64_t id, model::Role role) = 0;
  virtual Result<std::int64_t> Count() = 0;
  // Accounts with id > after_id by id, at most `limit` (1..1000), for the admin's list.
  virtual Result<std::vector<model::User>> List(std::int64_t after_id, int limit) = 0;
  // Bans the account from `banned_at` on (0 lifts the ban) and, in the same transaction,
  // ends its sessions; returns the sessions ended. A banned account's sessions are never
  // found again (SessionStore::Find). NotFound when there is no such account.
  virtual Result<std::int64_t> SetBanned(std::int64_t id, std::int64_t banned_at) = 0;
};

}  // namespace warta::storage
