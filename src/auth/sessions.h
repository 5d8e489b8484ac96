// Login sessions: a random 256-bit token in the `warta_session` cookie (HttpOnly,
// SameSite=Lax, Path=/, Secure behind TLS); the store keeps only its BLAKE2b hash, so a
// leaked database does not log anyone in. Sessions last a fixed lifetime from login.
//
// Resolved sessions are cached in memory for cache_seconds, so a logged-in reader's page
// views do not read the database. Ending a session drops it from this node's cache at once;
// other nodes (PostgreSQL scale-out) notice within cache_seconds.
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "auth/roles.h"
#include "core/result.h"
#include "model/user.h"
#include "storage/session_store.h"

namespace warta::auth {

inline constexpr std::string_view kSessionCookie = "warta_session";

struct SessionOptions {
  std::int64_t lifetime_seconds = std::int64_t{30} * 86400;
  std::int64_t touch_interval_seconds = 3600;  // how often last_seen_at is written
  std::int64_t cache_seconds = 30;
  std::size_t cache_capacity = 100'000;
};

struct SessionUser {
  std::int64_t id = 0;
  std::string name;
  Role role = Role::kReader;
};

struct Session {
  std::string id_hash;  // what the store keys it by; also the CSRF subject ("s:" + id_hash)
  SessionUser user;
  std::int64_t expires_at = 0;
};

class SessionManager {
 public:
  SessionManager(storage::SessionStore& store, SessionOptions options);
  ~SessionManager();
  SessionManager(const SessionManager&) = delete;
  SessionManager& operator=(const SessionManager&) = delete;

  struct Started {
    std::string token;  // goes into the cookie, nowhere else
    Session session;
  };
  // A new session for the account, committed before returning.
  Result<Started> Start(const model::User& user, std::int64_t now);
  // The session behind a cookie value; nullopt when the value is absent, malformed, unknown
  // or expired. Errors only for store failures.
  Result<std::optional<Session>> Resolve(std::string_view token, std::int64_t now);
  // Logout: removes the session (absent ones are fine).
  Result<void> End(std::string_view token);
  // Ends every session of an account (password change, role change, ban).
  Result<void> EndAllFor(std::int64_t user_id);
  // Ends every session of an account except the one with keep_id_hash (a password change
  // keeps the reader's own browser logged in).
  Result<void> EndOthersFor(std::int64_t user_id, const std::string& keep_id_hash);

  // Set-Cookie values.
  std::string SetCookie(std::string_view token, bool secure) const;
  std::string ClearCookie(bool secure) const;

  // Hex BLAKE2b-256 of a token.
  static std::string HashToken(std::string_view token);
  // 43 characters of base64url: what Start makes. Anything else is not looked up.
  static bool LooksLikeToken(std::string_view token);

  std::size_t cached() const;

 private:
  struct Cache;
  storage::SessionStore& store_;
  SessionOptions options_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace warta::auth
