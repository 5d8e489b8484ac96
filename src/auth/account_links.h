// One-time account links an admin hands to a person (docs/api.md "Admin API", "Account
// links"): an invitation to create an account with a role, valid 7 days, at
// /undangan/{token}; a password reset of one account, valid 1 day, at /reset/{token}.
//
// The token is 32 random bytes in base64url (43 characters, no prefix); the store keeps only
// its SHA-256 in hex (storage/account_link_store.h), so a copy of the database opens no
// account. The page that takes a link hashes the token of its path with HashLinkToken and
// asks AccountLinkStore::FindUsable, then Use (one tab of two wins) before it acts.
//
// Thread safety: every function may be called from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/newsroom.h"

namespace warta::auth {

inline constexpr std::int64_t kInviteLinkSeconds = std::int64_t{7} * 86400;
inline constexpr std::int64_t kResetLinkSeconds = 86400;
inline constexpr std::string_view kInvitePath = "/undangan/";
inline constexpr std::string_view kResetPath = "/reset/";

struct MintedLink {
  std::string token;  // in the link only, never stored
  std::string hash;   // AccountLink::token_hash
};

MintedLink MintLinkToken();

// Hex SHA-256 of the token.
std::string HashLinkToken(std::string_view token);

// 43 base64url characters: anything else is not looked up.
bool LooksLikeLinkToken(std::string_view token);

// How long a link of `kind` stays usable.
std::int64_t LinkLifetime(model::AccountLinkKind kind);

// The link's path: kInvitePath or kResetPath followed by the token.
std::string LinkPath(model::AccountLinkKind kind, std::string_view token);

}  // namespace warta::auth
