// `warta db copy`: moves a whole site from a SQLite file to a PostgreSQL database (issue 14;
// docs/scaling.md). Both are migrated to the same schema version first; the schemas are the
// same table for table (migrations/postgres_migrations.cpp), so every table both have is copied
// with the columns both have, parents before children (foreign keys), each in rowid order, in
// batches. Search vectors are rebuilt on PostgreSQL (it analyzes nothing itself) and identity
// sequences are set past the copied ids.
//
// Resumable: each batch commits together with its table's high-water mark in the target's
// warta_copy_progress table, so a copy killed at any point continues where it stopped when run
// again with the same arguments, and ends with the same rows. The progress table is dropped when
// the copy completes. A target that holds articles, accounts, comments or sources and no progress
// table is refused (AlreadyExists): copying into a live site would mix two sites.
//
// Thread safety: one call at a time per target.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

#include "core/result.h"

namespace warta::storage {

struct CopyProgress {
  std::string table;
  std::int64_t table_done = 0;  // rows of this table in the target so far
  std::int64_t table_total = 0;
  std::int64_t done = 0;  // rows of every table
  std::int64_t total = 0;
};

struct CopyOptions {
  int batch_rows = 2000;  // rows per transaction (fewer for wide tables: 65,535 parameters)
  // Called after each batch commits, on the caller's thread; may be empty.
  std::function<void(const CopyProgress&)> on_progress = {};
  // Set by a signal handler: the copy stops after the batch in flight (resumable).
  const std::atomic<bool>* cancel = nullptr;
};

struct CopySummary {
  int tables = 0;
  std::int64_t rows = 0;  // rows copied by this run
  bool resumed = false;   // a previous run's progress was found
  std::int64_t articles_indexed = 0;
};

// from: "sqlite:PATH"; to: "postgresql://...". Other directions: InvalidArgument (not built).
Result<CopySummary> CopyDatabase(const std::string& from, const std::string& to,
                                 const CopyOptions& options);

}  // namespace warta::storage
