// Login sessions, keyed by a hash of the token (auth/sessions.h), so a copy of the database
// does not let anyone log in.
//
// Errors: as each method says; also Io or Unavailable when the database fails, and Corrupt
// when the account's stored role is unknown (Find).
// Transactions: every method is one transaction.
// Durability: Create and the Delete methods are synced to disk before returning (a logout
// or a password change's sign-out survives a power cut); Touch is not (losing one only
// shortens a session a little).
// Thread safety: every method may be called from any thread concurrently (blocking I/O);
// auth::SessionManager caches what Find returns, so a page view does not call it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"
#include "model/user.h"

namespace warta::storage {

class SessionStore {
 public:
  virtual ~SessionStore() = default;
  // NotFound when the user does not exist; AlreadyExists when the id is taken (a random
  // 256-bit token: never in practice); InvalidArgument for an empty or over-long id hash.
  virtual Result<void> Create(const model::SessionRecord& session) = 0;
  // The session and its account; nullopt when absent, expired (expires_at <= now) or its
  // account is banned (UserStore::SetBanned).
  virtual Result<std::optional<model::SessionWithUser>> Find(const std::string& id_hash,
                                                             std::int64_t now) = 0;
  // Slides the expiry. Absent sessions are ignored.
  virtual Result<void> Touch(const std::string& id_hash, std::int64_t last_seen_at,
                             std::int64_t expires_at) = 0;
  // Ends one session (logout); absent sessions are ignored.
  virtual Result<void> Delete(const std::string& id_hash) = 0;
  // Ends every session of an account (password change, ban); returns how many.
  virtual Result<std::int64_t> DeleteForUser(std::int64_t user_id) = 0;
  // Removes sessions with expires_at <= now; returns how many.
  virtual Result<std::int64_t> DeleteExpired(std::int64_t now) = 0;
  // Ends every session of an account but one (password change: the reader's own browser
  // stays logged in); returns how many.
  virtual Result<std::int64_t> DeleteForUserExcept(std::int64_t user_id,
                                                   const std::string& keep_id_hash) = 0;
};

}  // namespace warta::storage
