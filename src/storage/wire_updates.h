// A source's newer version of an item it sent before (docs/decisions/0009-newsroom.md, "Wire
// inbox and provenance"): kept in the article's wire row (`update_*` of article_wire) for the
// editor's "source updated" diff. The article itself, the original and the editor's work are
// never touched, and no second article is made.
//
// A free function over the backend's pool rather than an ArticleStore method: the store headers
// are included by some 160 files, and this one write has one caller (ingest/pipeline). Each
// backend's SQL stays in its folder (sqlite/sqlite_wire_updates.cpp,
// postgres/pg_wire_updates.cpp).
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "storage/store.h"

namespace warta::storage {

struct WireUpdate {
  std::int64_t article_id = 0;
  std::int64_t source_id = 0;  // only an article ingested from this source is considered
  std::string title;
  std::string body_html;     // sanitized, as ingest stores bodies
  std::string content_hash;  // of the text, as ingest computes it (dedup::ContentHash)
  std::int64_t now = 0;
};

// Writes the update when its title or text hash differs from the newest version the wire row
// holds (the last update, else the original): a feed repeating one change writes it once.
// True when written; false when unchanged or the article has no wire row from that source.
Result<bool> RecordWireUpdate(Store& store, const WireUpdate& update);

namespace sqlite {
class ConnectionPool;
Result<bool> RecordWireUpdate(ConnectionPool& pool, const WireUpdate& update);
}  // namespace sqlite
namespace postgres {
class Pool;
Result<bool> RecordWireUpdate(Pool& pool, const WireUpdate& update);
}  // namespace postgres

}  // namespace warta::storage
