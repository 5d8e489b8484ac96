// Password hashing with argon2id (libsodium's crypto_pwhash_str), and the password rules.
// The stored string carries its own salt and cost, so raising the cost later only needs
// NeedsRehash at the next login.
//
// Thread safety: a PasswordHasher may be used from any thread. Each hash takes the cost's
// memory (64 MiB at the interactive cost), so at most max_concurrent run at once; callers
// beyond that wait.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace warta::auth {

inline constexpr std::size_t kMinPasswordBytes = 8;
inline constexpr std::size_t kMaxPasswordBytes = 1024;  // hashing cost must not scale with input

// 8..1024 bytes; anything else is the reader's choice (no composition rules, which push
// people to weaker, predictable passwords). InvalidArgument with a message that says why.
Result<void> CheckPasswordRules(std::string_view password);

struct PasswordCost {
  std::uint64_t ops = 2;                   // crypto_pwhash_OPSLIMIT_INTERACTIVE
  std::size_t memory_bytes = 64ULL << 20;  // crypto_pwhash_MEMLIMIT_INTERACTIVE
  static PasswordCost Interactive() { return {}; }
  // The smallest cost libsodium accepts: for tests only.
  static PasswordCost Minimum() { return {1, 8192}; }
};

class PasswordHasher {
 public:
  // max_concurrent 0: two per CPU core.
  explicit PasswordHasher(PasswordCost cost = PasswordCost::Interactive(), int max_concurrent = 0);
  ~PasswordHasher();
  PasswordHasher(const PasswordHasher&) = delete;
  PasswordHasher& operator=(const PasswordHasher&) = delete;

  // The argon2id string for a password that passes CheckPasswordRules (InvalidArgument
  // otherwise). Internal when libsodium fails (out of memory).
  Result<std::string> Hash(std::string_view password) const;
  // True when password matches hash. False for a malformed hash or an over-long password.
  bool Verify(std::string_view hash, std::string_view password) const;
  // Spends the time of one Verify, for logins with an unknown name, so a reply's timing does
  // not tell which names exist.
  void VerifyDummy(std::string_view password) const;
  // True when hash was made with another cost or algorithm than this hasher's.
  bool NeedsRehash(std::string_view hash) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::auth
