#include "auth/api_tokens.h"

#include <sodium.h>

#include <stdexcept>

#include "auth/roles.h"

namespace warta::auth {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kEncodedChars = 43;  // base64url of 32 bytes, no padding

void EnsureSodium() {
  if (sodium_init() < 0) throw std::runtime_error("auth: libsodium failed to initialise");
}

}  // namespace

MintedToken MintApiToken() {
  EnsureSodium();
  unsigned char random[kTokenBytes];
  randombytes_buf(random, sizeof random);
  char encoded[sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, random, sizeof random,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  MintedToken minted;
  minted.token = std::string(kApiTokenPrefix) + std::string(encoded, kEncodedChars);
  minted.hash = HashApiToken(minted.token);
  sodium_memzero(random, sizeof random);
  return minted;
}

std::string HashApiToken(std::string_view token) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  char hex[2 * sizeof digest + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, 2 * sizeof digest);
}

bool LooksLikeApiToken(std::string_view token) {
  if (token.size() != kApiTokenPrefix.size() + kEncodedChars) return false;
  if (token.substr(0, kApiTokenPrefix.size()) != kApiTokenPrefix) return false;
  for (char c : token.substr(kApiTokenPrefix.size())) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

Result<std::optional<model::User>> AuthenticateApiToken(storage::TokenStore& tokens,
                                                        std::string_view token, std::int64_t now) {
  if (!LooksLikeApiToken(token)) return std::optional<model::User>();
  WARTA_ASSIGN_OR_RETURN(auto found, tokens.FindActive(HashApiToken(token)));
  if (!found || !HasRole(found->user.role, model::Role::kAuthor)) {
    return std::optional<model::User>();
  }
  // A lost last-use time is harmless: the call is not refused for it.
  (void)tokens.Touch(found->token.id, now);
  return std::optional<model::User>(std::move(found->user));
}

}  // namespace warta::auth
