// One-time invite and password-reset links (/undangan/{token}, /reset/{token}). Only the
// hash of a link's token is stored. A link is used at most once: Use is a conditional update.
//
// Errors: NotFound for a reset of an unknown user; AlreadyExists for a hash already stored;
// InvalidArgument for an empty hash, a role outside the enum or an expiry not after
// creation (nothing written); Corrupt for stored words model/ does not know; Io or
// Unavailable when the database fails.
// Transactions: every method is one transaction; a write appends its audit entry in it.
// Durability: writes are committed and synced to disk before returning.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/newsroom.h"

namespace warta::storage {

class AccountLinkStore {
 public:
  virtual ~AccountLinkStore() = default;
  virtual Result<void> Create(const model::AccountLink& link, const model::AuditEntry& audit) = 0;
  // The link, when it is unused and expires after `now`; nullopt otherwise.
  virtual Result<std::optional<model::AccountLink>> FindUsable(const std::string& token_hash,
                                                               std::int64_t now) = 0;
  // Marks the link used if it is still usable at `now`: true for the one caller that did
  // (of two tabs submitting at once, one wins).
  virtual Result<bool> Use(const std::string& token_hash, std::int64_t now) = 0;
  // Links still usable at `now`, newest first, at most `limit` (1..1000).
  virtual Result<std::vector<model::AccountLink>> ListUsable(std::int64_t now, int limit) = 0;
};

}  // namespace warta::storage
