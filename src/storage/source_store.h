// Feed sources and their fetch state: what `source add` and OPML import register and what
// the ingest scheduler reads and updates after every fetch.
//
// Errors: NotFound for an unknown id where stated; InvalidArgument for settings
// model::ValidateNewSource refuses (nothing written); AlreadyExists for a second source with
// the same URL; Io or Unavailable when the database fails.
// Transactions: every method is one transaction.
// Durability: committed before returning, not synced to disk: a power cut may lose the last
// fetch record, and the source is then fetched once more.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/source.h"

namespace warta::storage {

class SourceStore {
 public:
  virtual ~SourceStore() = default;

  // Validates (model::ValidateNewSource) and inserts; the source is due at once.
  // AlreadyExists when a source with that URL exists.
  virtual Result<std::int64_t> Add(const model::NewSource& source) = 0;
  // NotFound when there is no such id.
  virtual Result<model::Source> FindById(std::int64_t id) = 0;
  virtual Result<std::optional<model::Source>> FindByUrl(const std::string& url) = 0;
  // Every source by id, with items_last_week counted over the 7 days before `now`.
  virtual Result<std::vector<model::Source>> List(std::int64_t now) = 0;
  // Enabled sources with next_fetch_at <= now, longest overdue first, at most `limit`.
  virtual Result<std::vector<model::Source>> ListDue(std::int64_t now, int limit) = 0;
  // Writes the outcome of one fetch. A new_url already taken by another source is ignored
  // (the source keeps its URL). NotFound when there is no such id.
  virtual Result<void> RecordFetch(std::int64_t id, const model::FetchRecord& record) = 0;
  // Replaces the operator's settings (name, site_url, lang, time_zone, category,
  // refresh_minutes, full_text, enabled, canonical, review) from `settings`; the fetch state
  // is kept.
  virtual Result<void> UpdateSettings(std::int64_t id, const model::NewSource& settings) = 0;
};

}  // namespace warta::storage
