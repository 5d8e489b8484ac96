// Admin API tokens (auth/api_tokens.h makes and hashes them). Only the hash of a token is
// stored: a copy of the database lets nobody call the API.
//
// Errors: NotFound for an unknown token id or user; AlreadyExists for a hash already stored;
// InvalidArgument for an empty or over-long hash or label (nothing written); Corrupt for a
// stored role model/ does not know; Io or Unavailable when the database fails.
// Transactions: every method is one transaction; a write appends its audit entry in it.
// Durability: Create and Revoke are committed and synced to disk before returning; Touch is
// committed only (a lost last_used_at after a power cut is harmless).
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/newsroom.h"
#include "model/user.h"

namespace warta::storage {

struct TokenOwner {
  model::ApiToken token;
  model::User user;
};

class TokenStore {
 public:
  virtual ~TokenStore() = default;
  // Stores a new token of `user_id` by its hash; returns the token's id.
  virtual Result<std::int64_t> Create(std::int64_t user_id, const std::string& token_hash,
                                      const std::string& label, std::int64_t now,
                                      const model::AuditEntry& audit) = 0;
  // The token with this hash and its account, when the token is not revoked and the account
  // not banned; nullopt otherwise.
  virtual Result<std::optional<TokenOwner>> FindActive(const std::string& token_hash) = 0;
  // Records a use (last_used_at). Absent tokens are ignored.
  virtual Result<void> Touch(std::int64_t token_id, std::int64_t now) = 0;
  // Revokes for good. NotFound for an unknown id; revoking twice keeps the first time.
  virtual Result<void> Revoke(std::int64_t token_id, std::int64_t now,
                              const model::AuditEntry& audit) = 0;
  // The account's tokens, newest first, revoked ones too.
  virtual Result<std::vector<model::ApiToken>> ListForUser(std::int64_t user_id) = 0;
};

}  // namespace warta::storage
