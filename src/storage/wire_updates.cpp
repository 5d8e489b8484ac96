#include "storage/wire_updates.h"

#include "storage/postgres/pg_store.h"
#include "storage/sqlite/sqlite_store.h"

namespace warta::storage {

Result<bool> RecordWireUpdate(Store& store, const WireUpdate& update) {
  if (auto* lite = dynamic_cast<sqlite::SqliteStore*>(&store)) {
    return sqlite::RecordWireUpdate(lite->pool(), update);
  }
  if (auto* pg = dynamic_cast<postgres::PgStore*>(&store)) {
    return postgres::RecordWireUpdate(pg->pool(), update);
  }
  return Error::Internal("storage: wire updates: unknown backend");
}

}  // namespace warta::storage
