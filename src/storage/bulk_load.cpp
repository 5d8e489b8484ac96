#include "storage/bulk_load.h"

#include <string_view>

#include "storage/sqlite/sqlite_bulk_load.h"

namespace warta::storage {

Result<std::unique_ptr<BulkLoader>> OpenBulkLoader(const std::string& url) {
  std::string_view path(url);
  if (path.substr(0, 7) != "sqlite:") {
    // Echo no more than the scheme: the rest of a PostgreSQL URL may hold a password.
    return Error::InvalidArgument(
        "storage: generated sites are written to SQLite only (give --db sqlite:PATH); for "
        "PostgreSQL, generate into a SQLite file and copy it over");
  }
  path.remove_prefix(7);
  if (path.substr(0, 2) == "//") path.remove_prefix(2);
  if (path.empty()) return Error::InvalidArgument("storage: no database path in '" + url + "'");
  return sqlite::OpenSqliteBulkLoader(std::string(path));
}

}  // namespace warta::storage
