// Admin API tokens (CONTRACT §2 `warta token create`, §6 `Authorization: Bearer TOKEN`):
// "wt_" and 32 random bytes in base64url, shown once; only the SHA-256 of the token is
// stored (storage/token_store.h), so a copy of the database calls no API. A Bearer token
// authenticates its account when it is not revoked, the account is not banned and its role
// is author or above; it needs no CSRF token (it is not sent by a browser on its own).
//
// Thread safety: every function may be called from any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "model/user.h"
#include "storage/token_store.h"

namespace warta::auth {

inline constexpr std::string_view kApiTokenPrefix = "wt_";

struct MintedToken {
  std::string token;  // shown once, never stored
  std::string hash;   // what the store keeps
};

MintedToken MintApiToken();

// Hex SHA-256 of the token.
std::string HashApiToken(std::string_view token);

// "wt_" and 43 base64url characters.
bool LooksLikeApiToken(std::string_view token);

// The account behind `Authorization: Bearer <token>` at `now` (last use recorded), or
// nullopt for a malformed, unknown or revoked token, a banned account, or a role below
// author. Errors only for store failures.
Result<std::optional<model::User>> AuthenticateApiToken(storage::TokenStore& tokens,
                                                        std::string_view token, std::int64_t now);

}  // namespace warta::auth
