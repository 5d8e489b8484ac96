// Authors: bylines (/penulis/{slug}), created by EditorialStore when an article names a new
// one; editors add a bio or link an account here.
//
// Errors: NotFound for an unknown id; AlreadyExists for a slug (or account) already taken;
// InvalidArgument for an empty or over-long slug, name or bio (nothing written); Io or
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

class AuthorStore {
 public:
  virtual ~AuthorStore() = default;
  // Authors by id, those above `after_id`, at most `limit` (1..1000).
  virtual Result<std::vector<model::Author>> List(std::int64_t after_id, int limit) = 0;
  virtual Result<std::optional<model::Author>> FindBySlug(const std::string& slug) = 0;
  // Replaces slug, name, bio and user_id (0: no account) of author.id.
  virtual Result<void> Update(const model::Author& author, const model::AuditEntry& audit) = 0;
};

}  // namespace warta::storage
