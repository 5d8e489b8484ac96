// Sections: the site's ordered navigation items (/rubrik/{slug}). EditorialStore creates one
// when an article names an unknown slug; editors rename, describe and order them here.
//
// Errors: NotFound for an unknown id; AlreadyExists for a slug that is taken; InvalidArgument
// for an empty or over-long slug, name or description (nothing written); Io or Unavailable
// when the database fails.
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

class SectionStore {
 public:
  virtual ~SectionStore() = default;
  // Every section by position, then id (navigation lists them all).
  virtual Result<std::vector<model::Section>> List() = 0;
  virtual Result<std::optional<model::Section>> FindBySlug(const std::string& slug) = 0;
  // Inserts (id, created_at ignored) and returns the id.
  virtual Result<std::int64_t> Create(const model::Section& section,
                                      const model::AuditEntry& audit) = 0;
  // Replaces slug, name, description and position of section.id.
  virtual Result<void> Update(const model::Section& section, const model::AuditEntry& audit) = 0;
};

}  // namespace warta::storage
