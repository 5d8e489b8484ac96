// The SQLite side of storage/bulk_load.h. Internal to src/storage/; OpenBulkLoader calls it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "storage/bulk_load.h"

namespace warta::storage::sqlite {

// Articles per transaction: big enough that commits cost nothing next to the rows, small enough
// that the WAL (a copy of each batch's pages until the checkpoint) and the batch's prepared
// search terms (~30 KB an article) stay well under a hundred megabytes each.
inline constexpr std::int64_t kBulkBatchArticles = 2000;

// Opens its own connection to the migrated database file at `path`. Tests pass small batches.
Result<std::unique_ptr<BulkLoader>> OpenSqliteBulkLoader(
    const std::string& path, std::int64_t batch_articles = kBulkBatchArticles);

}  // namespace warta::storage::sqlite
