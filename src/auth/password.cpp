#include "auth/password.h"

#include <sodium.h>

#include <algorithm>
#include <semaphore>
#include <stdexcept>

#include "core/cpu_count.h"

namespace warta::auth {
namespace {

void EnsureSodium() {
  if (sodium_init() < 0) throw std::runtime_error("auth: libsodium failed to initialise");
}

}  // namespace

Result<void> CheckPasswordRules(std::string_view password) {
  if (password.size() < kMinPasswordBytes) {
    return Error::InvalidArgument("auth: the password must have at least " +
                                      std::to_string(kMinPasswordBytes) + " characters",
                                  "auth_password_short");
  }
  if (password.size() > kMaxPasswordBytes) {
    return Error::InvalidArgument(
        "auth: the password must have at most " + std::to_string(kMaxPasswordBytes) + " bytes",
        "auth_password_long");
  }
  return Ok();
}

struct PasswordHasher::Impl {
  explicit Impl(PasswordCost c, int slots) : cost(c), permits(slots) {}
  PasswordCost cost;
  mutable std::counting_semaphore<> permits;
  std::string dummy_hash;

  // Holds one permit for its lifetime.
  struct Permit {
    explicit Permit(std::counting_semaphore<>& s) : semaphore(s) { semaphore.acquire(); }
    ~Permit() { semaphore.release(); }
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;
    std::counting_semaphore<>& semaphore;
  };
};

PasswordHasher::PasswordHasher(PasswordCost cost, int max_concurrent) {
  EnsureSodium();
  if (max_concurrent <= 0) {
    max_concurrent = UsableCpus() * 2;
  }
  impl_ = std::make_unique<Impl>(cost, max_concurrent);
  // A real hash of a random password: verifying against it costs what a real login costs.
  char dummy[crypto_pwhash_STRBYTES];
  unsigned char random[16];
  randombytes_buf(random, sizeof random);
  if (crypto_pwhash_str_alg(dummy, reinterpret_cast<const char*>(random), sizeof random, cost.ops,
                            cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw std::runtime_error("auth: out of memory while hashing a password");
  }
  impl_->dummy_hash = dummy;
}

PasswordHasher::~PasswordHasher() = default;

Result<std::string> PasswordHasher::Hash(std::string_view password) const {
  WARTA_RETURN_IF_ERROR(CheckPasswordRules(password));
  char out[crypto_pwhash_STRBYTES];
  int rc = 0;
  {
    Impl::Permit permit(impl_->permits);
    rc = crypto_pwhash_str_alg(out, password.data(), password.size(), impl_->cost.ops,
                               impl_->cost.memory_bytes, crypto_pwhash_ALG_ARGON2ID13);
  }
  if (rc != 0) return Error::Internal("auth: out of memory while hashing");
  return std::string(out);
}

bool PasswordHasher::Verify(std::string_view hash, std::string_view password) const {
  if (password.size() > kMaxPasswordBytes || hash.empty() ||
      hash.size() >= crypto_pwhash_STRBYTES) {
    return false;
  }
  const std::string stored(hash);  // libsodium wants it NUL-terminated
  Impl::Permit permit(impl_->permits);
  return crypto_pwhash_str_verify(stored.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::VerifyDummy(std::string_view password) const {
  (void)Verify(impl_->dummy_hash, password.substr(0, kMaxPasswordBytes));
}

bool PasswordHasher::NeedsRehash(std::string_view hash) const {
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return true;
  const std::string stored(hash);
  return crypto_pwhash_str_needs_rehash(stored.c_str(), impl_->cost.ops,
                                        impl_->cost.memory_bytes) != 0;
}

}  // namespace warta::auth
