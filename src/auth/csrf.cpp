#include "auth/csrf.h"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

namespace warta::auth {
namespace {

constexpr std::size_t kTokenBytes = 16;

void EnsureSodium() {
  // sodium_init is idempotent and thread-safe; < 0 only when no entropy source exists.
  if (sodium_init() < 0) throw std::runtime_error("auth: libsodium failed to initialise");
}

}  // namespace

CsrfTokens::CsrfTokens(std::string_view secret) {
  EnsureSodium();
  // Derive a dedicated key so the CSRF key differs from the cookie-signing key even though
  // both come from the one site secret.
  crypto_generichash(key_, sizeof key_, reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), reinterpret_cast<const unsigned char*>("warta-csrf-v1"), 13);
}

std::string CsrfTokens::Issue(std::string_view subject) const {
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256(mac, reinterpret_cast<const unsigned char*>(subject.data()),
                         subject.size(), key_);
  char hex[2 * kTokenBytes + 1];
  sodium_bin2hex(hex, sizeof hex, mac, kTokenBytes);
  return std::string(hex, 2 * kTokenBytes);
}

bool CsrfTokens::Verify(std::string_view subject, std::string_view token) const {
  if (token.size() != 2 * kTokenBytes) return false;
  std::string expected = Issue(subject);
  return sodium_memcmp(expected.data(), token.data(), expected.size()) == 0;
}

}  // namespace warta::auth
