// The bulk loader's search indexing: per batch, not per row. Internal to src/storage/sqlite/.
//
// Why: the schema indexes an article from AFTER INSERT triggers (search_articles_insert,
// article_titles_insert). An INSERT with a trigger runs in a statement savepoint, and FTS5
// writes its pending terms to disk at every savepoint: through the triggers, each article
// becomes its own tiny index segment in both FTS5 tables, and FTS5 spends most of its time
// merging them. Here the two triggers are dropped at the start of a batch's transaction, the
// batch's rows are indexed by one INSERT … SELECT per table (the triggers' own expressions
// over the same rows, so the index holds the same terms, positions and stored text), and the
// triggers are created again, from the text the schema stored, before the commit. DDL is
// transactional in SQLite: no committed state, and no reader, ever sees the schema without
// them; a failed batch rolls back with its triggers in place.
//
// Only when the schema's triggers are the ones mirrored here (compared ignoring whitespace):
// a migration that changes them turns batch indexing off, and the triggers index each row as
// before (slow, never wrong); a test fails so the mirror is brought up to date.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "storage/sqlite/database.h"

namespace warta::storage::sqlite {

class BulkSearchIndex {
 public:
  // Reads the triggers' definitions; enabled() tells whether batch indexing applies.
  static Result<BulkSearchIndex> Load(Connection& connection);

  bool enabled() const { return enabled_; }

  // Inside the batch's open write transaction, before its first article: drops the triggers.
  Result<void> BeginBatch(Connection& connection);
  // Inside the same transaction, after its last article: indexes articles first_id..last_id
  // as the triggers would have, then restores the triggers. No-op when not enabled().
  Result<void> EndBatch(Connection& connection, std::int64_t first_id, std::int64_t last_id);

 private:
  bool enabled_ = false;
  std::string search_trigger_sql_;
  std::string titles_trigger_sql_;
};

}  // namespace warta::storage::sqlite
