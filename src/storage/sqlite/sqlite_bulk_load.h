// The SQLite side of storage/bulk_load.h. Internal to src/storage/; OpenBulkLoader calls it.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "storage/bulk_load.h"

namespace warta::storage::sqlite {

// Opens its own connection to the migrated database file at `path`.
Result<std::unique_ptr<BulkLoader>> OpenSqliteBulkLoader(const std::string& path);

}  // namespace warta::storage::sqlite
