// Accounts: creating them (CLI, self-registration) and logging in, with throttling per
// client address and per account so passwords cannot be guessed quickly from one place or
// from many.
//
// Errors (Result) a caller turns into replies:
//   kInvalidArgument  a name or password breaks the rules (message says which)
//   kAlreadyExists    the name is taken
//   kPermissionDenied unknown name or wrong password (one message for both)
//   kUnavailable      throttled (user_key "rate_limited"); try again in a minute
//
// Thread safety: every method may be called from any thread. Login and Register block for
// one password hash (~50-100 ms at the interactive cost).
#pragma once

#include <cstdint>
#include <string_view>

#include "auth/password.h"
#include "auth/rate_limiter.h"
#include "auth/roles.h"
#include "auth/sessions.h"
#include "core/clock.h"
#include "core/result.h"
#include "model/user.h"
#include "storage/user_store.h"

namespace warta::auth {

struct AccountLimits {
  bool enabled = true;
  int attempts_per_minute = 10;     // logins and registrations per client address
  int account_failures = 5;         // failed logins an account absorbs before it is throttled
  int account_refill_seconds = 60;  // then one more attempt per this many seconds
};

class Accounts {
 public:
  // The clock times the throttling (sessions take `now` per call); it must outlive this.
  Accounts(storage::UserStore& users, const PasswordHasher& hasher, SessionManager& sessions,
           AccountLimits limits, const Clock& clock);

  // For the CLI and admins: checks the rules, hashes and stores. No throttling.
  Result<model::User> Create(std::string_view name, std::string_view password, Role role);
  // Self-registration as a reader, logged in at once.
  Result<SessionManager::Started> Register(std::string_view name, std::string_view password,
                                           std::string_view address, std::int64_t now);
  Result<SessionManager::Started> Login(std::string_view name, std::string_view password,
                                        std::string_view address, std::int64_t now);
  // Checks the new password's rules and the current password (failures count towards the
  // account's login throttling), stores the new hash and ends every other session of the
  // account: `current`, the caller's own session, stays logged in. A wrong current password
  // is kPermissionDenied with user_key "auth_wrong_password".
  Result<void> ChangePassword(const Session& current, std::string_view old_password,
                              std::string_view new_password);

  // A password reset by a one-time link (auth/account_links.h): checks the rules, stores the
  // new hash and ends every session of the account. NotFound for an unknown account.
  Result<void> ResetPassword(std::int64_t user_id, std::string_view new_password);
  SessionManager& sessions() { return sessions_; }

 private:
  Result<void> TakeAttempt(std::string_view address);

  storage::UserStore& users_;
  const PasswordHasher& hasher_;
  SessionManager& sessions_;
  RateLimiter per_address_;
  RateLimiter per_account_;
};

}  // namespace warta::auth
