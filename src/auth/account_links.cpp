#include "auth/account_links.h"

#include <sodium.h>

#include <stdexcept>

#include "auth/api_tokens.h"

namespace warta::auth {
namespace {

constexpr std::size_t kRandomBytes = 32;
constexpr std::size_t kTokenChars = 43;  // 32 bytes in base64url without padding

bool IsBase64UrlChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

MintedLink MintLinkToken() {
  if (sodium_init() < 0) throw std::runtime_error("auth: libsodium could not start");
  unsigned char bytes[kRandomBytes];
  randombytes_buf(bytes, sizeof bytes);
  char text[sodium_base64_ENCODED_LEN(kRandomBytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(text, sizeof text, bytes, sizeof bytes,
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  sodium_memzero(bytes, sizeof bytes);
  MintedLink link;
  link.token.assign(text, kTokenChars);
  link.hash = HashLinkToken(link.token);
  return link;
}

// API tokens and links share one digest: one hashing function to review.
std::string HashLinkToken(std::string_view token) { return HashApiToken(token); }

bool LooksLikeLinkToken(std::string_view token) {
  if (token.size() != kTokenChars) return false;
  for (char c : token) {
    if (!IsBase64UrlChar(c)) return false;
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
