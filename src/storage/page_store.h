// Static pages (/halaman/{slug}): About, Contact, the editorial guidelines. The newsroom
// renders body_html from the Markdown; this store keeps both.
//
// Errors: NotFound for an unknown id; AlreadyExists for a slug that is taken; InvalidArgument
// for an empty or over-long slug or title or an over-long body (nothing written); Io or
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

class PageStore {
 public:
  virtual ~PageStore() = default;
  // Every page by slug, unpublished ones too (the admin's list; there are a few).
  virtual Result<std::vector<model::Page>> List() = 0;
  // The page with `slug`, published or not (the web shows published ones only).
  virtual Result<std::optional<model::Page>> FindBySlug(const std::string& slug) = 0;
  // Inserts (id ignored; created_at and updated_at are `page`'s) and returns the id.
  virtual Result<std::int64_t> Create(const model::Page& page, const model::AuditEntry& audit) = 0;
  // Replaces slug, title, bodies, published and updated_at of page.id.
  virtual Result<void> Update(const model::Page& page, const model::AuditEntry& audit) = 0;
  virtual Result<void> Delete(std::int64_t id, const model::AuditEntry& audit) = 0;
};

}  // namespace warta::storage
