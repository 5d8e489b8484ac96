// Accounts: creating them (CLI, self-registration) and logging in, with throttling per
// client address and per account so passwords cannot be guessed quickly from one place or
// from many, without letting strangers lock the owner out (issue 16, finding 3):
//   - per address: attempts_per_minute logins and registrations, whatever the account;
//   - per (account, address) pair: pair_failures wrong passwords, then one per
//     pair_refill_seconds, so one place cannot keep guessing one account;
//   - per account, from everywhere together: account_failures, then one per
//     account_refill_seconds. This one does not apply to the owner's proof of presence: a
//     login from an address this account logged in from before (remembered in memory for
//     known_address_days) or from a known device (Login's known_device_user: the web layer's
//     signed cookie, set on every successful login). So guesses from other addresses slow
//     strangers down, while the owner still gets in from home or from their own browser.
// docs/security.md "Logins" says the same for operators.
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
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

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
  int attempts_per_minute = 10;  // logins and registrations per client address
  int pair_failures = 5;         // failed logins one address may make on one account
  int pair_refill_seconds = 60;  // then one more attempt per this many seconds
  // Failed logins an account absorbs from all addresses before strangers are throttled,
  // then one more per account_refill_seconds (the owner's proof of presence bypasses it).
  int account_failures = 20;
  int account_refill_seconds = 120;
  int known_address_days = 30;  // how long a successful login's address stays known
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
  // known_device_user: the account id a verified known-device cookie names, or 0.
  Result<SessionManager::Started> Login(std::string_view name, std::string_view password,
                                        std::string_view address, std::int64_t now,
                                        std::int64_t known_device_user = 0);
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
  bool KnownAddress(const std::string& pair, std::int64_t now) const;
  void RememberAddress(const std::string& pair, std::int64_t now);

  storage::UserStore& users_;
  const PasswordHasher& hasher_;
  SessionManager& sessions_;
  RateLimiter per_address_;
  RateLimiter per_pair_;
  RateLimiter per_account_;
  const std::int64_t known_address_seconds_;
  // "account\naddress" → when it last logged in; in memory only, at most kMaxKnown.
  mutable std::mutex known_mutex_;
  std::unordered_map<std::string, std::int64_t> known_;
};

}  // namespace warta::auth
