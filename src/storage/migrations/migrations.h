// The schema history: versioned, forward-only migrations, one ordered list per backend.
// A released migration is never edited; a change is a new migration with the next version.
// Each script runs in one transaction together with its row in
// schema_migrations(version, applied_at).
//
// The data model stays portable to PostgreSQL: plain types, times as unix seconds UTC in
// *_at columns, counters as integers with CHECK (>= 0), no SQLite-only features. The
// PostgreSQL list will differ only in spelling (BIGINT, GENERATED ... AS IDENTITY).
#pragma once

#include <span>
#include <string_view>

namespace warta::storage::migrations {

struct Migration {
  int version;                   // 1, 2, 3, ... without gaps
  std::string_view description;  // one line, for logs
  std::string_view sql;          // one or more statements
  // Runs with foreign-key enforcement off, then checks every key (PRAGMA foreign_key_check)
  // before it commits: what SQLite's table rebuild needs, since a DROP TABLE of a parent
  // with enforcement on would delete (cascade) or refuse the children. The runner turns
  // enforcement off before its transaction begins, as SQLite ignores the pragma inside one.
  bool foreign_keys_off = false;
};

// Every SQLite migration, ordered by version.
std::span<const Migration> Sqlite();
// Every PostgreSQL migration (postgres_migrations.cpp): the same versions and logical schema.
std::span<const Migration> Postgres();

// The highest version in a list (0 for an empty list).
int LatestVersion(std::span<const Migration> migrations);

}  // namespace warta::storage::migrations
