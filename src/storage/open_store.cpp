#include <string>
#include <string_view>

#include "storage/postgres/pg_store.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/store.h"

namespace warta::storage {
namespace {

constexpr std::string_view kAcceptedForms =
    "use sqlite:PATH (e.g. sqlite:data/warta.db) or postgresql://USER@HOST/DBNAME";

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

Result<std::unique_ptr<Store>> OpenSqlite(std::string_view url) {
  std::string_view path = url.substr(std::string_view("sqlite:").size());
  // Also accept the URL spelling sqlite://PATH (sqlite:///abs/path for absolute paths).
  if (StartsWith(path, "//")) path.remove_prefix(2);
  if (path.empty()) {
    return Error::InvalidArgument("sqlite: no database path in '" + std::string(url) + "'; " +
                                  std::string(kAcceptedForms));
  }
  // An in-memory database would be a different empty database per pooled connection.
  if (path == ":memory:") {
    return Error::InvalidArgument(
        "sqlite: in-memory databases are not supported; give a file path");
  }
  WARTA_ASSIGN_OR_RETURN(auto store, sqlite::SqliteStore::Open(std::string(path)));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  if (StartsWith(url, "sqlite:")) return OpenSqlite(url);
  if (StartsWith(url, "postgresql://") || StartsWith(url, "postgres://")) {
    // Connects now, so an unreachable server fails here (Unavailable, naming no password).
    WARTA_ASSIGN_OR_RETURN(auto store, postgres::PgStore::Open(url));
    return std::unique_ptr<Store>(std::move(store));
  }
  // Echo only the scheme: the rest of a database URL may hold a password.
  std::string_view shown(url);
  shown = shown.substr(0, shown.find(':'));
  if (shown.size() > 40) shown = shown.substr(0, 40);
  return Error::InvalidArgument("storage: unsupported database '" + std::string(shown) +
                                (url.find(':') != std::string::npos ? ":...'" : "'") + "; " +
                                std::string(kAcceptedForms));
}

}  // namespace warta::storage
