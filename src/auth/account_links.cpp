#include "auth/account_links.h"

#include <sodium.h>

#include <stdexcept>

#include "auth/api_tokens.h"

namespace warta::auth {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kEncodedChars = 43;  // base64url of 32 bytes, no padding

}  // namespace

MintedLink MintLinkToken() {
  if (sodium_init() < 0) throw std::runtime_error("auth: libsodium failed to initialise");
  unsigned char random[kTokenBytes];
  randombytes_buf(random, sizeof random);
  char encoded[sodium_base64_ENCODED_LEN(kTokenBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(encoded, sizeof encoded, random, sizeof random,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(random, sizeof random);
  MintedLink minted;
  minted.token.assign(encoded, kEncodedChars);
  minted.hash = HashLinkToken(minted.token);
  return minted;
}

// The same digest as API tokens: one hashing function to audit.
std::string HashLinkToken(std::string_view token) { return HashApiToken(token); }

bool LooksLikeLinkToken(std::string_view token) {
  if (token.size() != kEncodedChars) return false;
  for (char c : token) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::int64_t LinkLifetime(model::AccountLinkKind kind) {
  return kind == model::AccountLinkKind::kInvite ? kInviteLinkSeconds : kResetLinkSeconds;
}

std::string LinkPath(model::AccountLinkKind kind, std::string_view token) {
  std::string path(kind == model::AccountLinkKind::kInvite ? kInvitePath : kResetPath);
  path += token;
  return path;
}

}  // namespace warta::auth
