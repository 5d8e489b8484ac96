// Who has an article open in the editor: each open editor touches its row every few
// seconds; the others are shown "also editing" while their row is fresh.
//
// Errors: NotFound for an unknown article or user (Touch); Io or Unavailable when the
// database fails.
// Transactions: every method is one transaction.
// Durability: committed, not synced: presence is seconds-lived.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <vector>

#include "core/result.h"
#include "model/newsroom.h"

namespace warta::storage {

class PresenceStore {
 public:
  virtual ~PresenceStore() = default;
  virtual Result<void> Touch(std::int64_t article_id, std::int64_t user_id, std::int64_t now) = 0;
  virtual Result<void> Leave(std::int64_t article_id, std::int64_t user_id) = 0;
  // The others (not `user_id`) seen on the article at or after `since`, newest first.
  virtual Result<std::vector<model::EditPresence>> Others(std::int64_t article_id,
                                                          std::int64_t user_id,
                                                          std::int64_t since) = 0;
  // Removes rows last seen before `before`; returns how many.
  virtual Result<std::int64_t> Purge(std::int64_t before) = 0;
};

}  // namespace warta::storage
