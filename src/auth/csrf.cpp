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

// SipHash-2-4 with a 128-bit tag rather than HMAC-SHA-256: every page a new visitor opens
// issues a token, and HMAC-SHA-256 (four SHA-256 blocks) was ~6 % of the article page's CPU.
// SipHash is a PRF made for short messages under a 128-bit key: without the key, a token for
// another subject is a 128-bit guess, the same strength as the HMAC truncated to 16 bytes
// that this replaces, and the tag reveals nothing usable about the key.
std::string CsrfTokens::Issue(std::string_view subject) const {
  static_assert(crypto_shorthash_siphashx24_BYTES == kTokenBytes);
  static_assert(crypto_shorthash_siphashx24_KEYBYTES <= sizeof key_);
  unsigned char mac[crypto_shorthash_siphashx24_BYTES];
  crypto_shorthash_siphashx24(mac, reinterpret_cast<const unsigned char*>(subject.data()),
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
