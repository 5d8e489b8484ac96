#include "auth/accounts.h"

#include <algorithm>
#include <string>

#include "auth/username.h"
#include "core/ascii.h"

namespace warta::auth {
namespace {

Error Throttled() {
  return Error::Unavailable("auth: too many attempts; try again in a minute", "rate_limited");
}

Error BadCredentials() {
  return Error::PermissionDenied("auth: wrong user name or password", "auth_bad_credentials");
}

// The throttling key of an account: names are unique ignoring ASCII case.
std::string AccountKey(std::string_view name) {
  return ascii::Lower(name.substr(0, kMaxUsernameChars + 1));
}

std::string PairKey(const std::string& account, std::string_view address) {
  std::string key = account;
  key += '\n';
  key += address;
  return key;
}

// Known addresses kept at most: beyond it the table is cleared, which only makes owners on
// new-to-us addresses wait like strangers until they log in again.
constexpr std::size_t kMaxKnown = 100'000;

}  // namespace

Accounts::Accounts(storage::UserStore& users, const PasswordHasher& hasher,
                   SessionManager& sessions, AccountLimits limits, const Clock& clock)
    : users_(users),
      hasher_(hasher),
      sessions_(sessions),
      per_address_(clock, limits.attempts_per_minute, limits.attempts_per_minute, limits.enabled),
      per_pair_(clock, 60.0 / std::max(limits.pair_refill_seconds, 1), limits.pair_failures,
                limits.enabled),
      per_account_(clock, 60.0 / std::max(limits.account_refill_seconds, 1),
                   limits.account_failures, limits.enabled),
      known_address_seconds_(std::int64_t{limits.known_address_days} * 86400) {}

bool Accounts::KnownAddress(const std::string& pair, std::int64_t now) const {
  std::lock_guard lock(known_mutex_);
  auto it = known_.find(pair);
  return it != known_.end() && now - it->second <= known_address_seconds_;
}

void Accounts::RememberAddress(const std::string& pair, std::int64_t now) {
  std::lock_guard lock(known_mutex_);
  if (known_.size() >= kMaxKnown && known_.find(pair) == known_.end()) known_.clear();
  known_[pair] = now;
}

Result<void> Accounts::TakeAttempt(std::string_view address) {
  if (!per_address_.Take(address).allowed) return Throttled();
  return Ok();
}

Result<model::User> Accounts::Create(std::string_view name, std::string_view password, Role role) {
  WARTA_RETURN_IF_ERROR(CheckUsername(name));
  auto hash = hasher_.Hash(password);
  if (!hash.ok()) return hash.error();
  model::NewUser user{std::string(name), std::move(hash).value(), role};
  WARTA_ASSIGN_OR_RETURN(auto id, users_.Create(user));
  WARTA_ASSIGN_OR_RETURN(auto stored, users_.FindById(id));
  if (!stored.has_value()) return Error::Internal("auth: new user vanished");
  return std::move(*stored);
}

Result<SessionManager::Started> Accounts::Register(std::string_view name, std::string_view password,
                                                   std::string_view address, std::int64_t now) {
  WARTA_RETURN_IF_ERROR(TakeAttempt(address));
  WARTA_ASSIGN_OR_RETURN(auto user, Create(name, password, Role::kReader));
  return sessions_.Start(user, now);
}

Result<SessionManager::Started> Accounts::Login(std::string_view name, std::string_view password,
                                                std::string_view address, std::int64_t now,
                                                std::int64_t known_device_user) {
  WARTA_RETURN_IF_ERROR(TakeAttempt(address));
  const std::string account = AccountKey(name);
  const std::string pair = PairKey(account, address);
  if (!per_pair_.Check(pair).allowed) return Throttled();
  WARTA_ASSIGN_OR_RETURN(auto found,
                         users_.FindByName(std::string(name.substr(0, kMaxUsernameChars + 1))));
  // The owner's proof of presence lifts the account-wide limit, never the pair's.
  const bool owner =
      found.has_value() &&
      ((known_device_user != 0 && known_device_user == found->id) || KnownAddress(pair, now));
  if (!owner && !per_account_.Check(account).allowed) return Throttled();
  auto failed = [&] {
    (void)per_pair_.Take(pair);
    if (!owner) (void)per_account_.Take(account);
    return BadCredentials();
  };
  if (!found.has_value()) {
    hasher_.VerifyDummy(password);
    return failed();
  }
  model::User& user = *found;
  if (!hasher_.Verify(user.password_hash, password)) return failed();
  // The account-wide bucket is not reset: the owner's success must not give strangers
  // a fresh round of guesses.
  per_pair_.Reset(pair);
  RememberAddress(pair, now);
  if (hasher_.NeedsRehash(user.password_hash)) {
    // The cost was raised since this hash was made; the login still succeeds if this fails.
    auto rehashed = hasher_.Hash(password);
    if (rehashed.ok()) (void)users_.SetPasswordHash(user.id, *rehashed);
  }
  return sessions_.Start(user, now);
}

Result<void> Accounts::ChangePassword(const Session& current, std::string_view old_password,
                                      std::string_view new_password) {
  // Rules first: a typo in the new password should not cost an attempt or a hash.
  WARTA_RETURN_IF_ERROR(CheckPasswordRules(new_password));
  WARTA_ASSIGN_OR_RETURN(auto found, users_.FindById(current.user.id));
  if (!found.has_value()) return BadCredentials();
  const model::User& user = *found;
  // A session is the owner's proof of presence: its guesses are limited on their own, so a
  // stolen session cannot guess fast and strangers' guesses cannot block the owner.
  const std::string pair = PairKey(AccountKey(user.name), "s:" + current.id_hash);
  if (!per_pair_.Check(pair).allowed) return Throttled();
  if (!hasher_.Verify(user.password_hash, old_password)) {
    (void)per_pair_.Take(pair);
    return Error::PermissionDenied("auth: the current password is wrong", "auth_wrong_password");
  }
  WARTA_ASSIGN_OR_RETURN(auto hash, hasher_.Hash(new_password));
  WARTA_RETURN_IF_ERROR(users_.SetPasswordHash(user.id, hash));
  return sessions_.EndOthersFor(user.id, current.id_hash);
}

Result<void> Accounts::ResetPassword(std::int64_t user_id, std::string_view new_password) {
  WARTA_RETURN_IF_ERROR(CheckPasswordRules(new_password));
  WARTA_ASSIGN_OR_RETURN(auto found, users_.FindById(user_id));
  if (!found.has_value()) return Error::NotFound("auth: no account " + std::to_string(user_id));
  WARTA_ASSIGN_OR_RETURN(auto hash, hasher_.Hash(new_password));
  WARTA_RETURN_IF_ERROR(users_.SetPasswordHash(user_id, hash));
  // Whoever knew the old password is logged out everywhere.
  return sessions_.EndAllFor(user_id);
}

}  // namespace warta::auth
