// storage/wire_updates.h on PostgreSQL (the same statement as SQLite's).
#include "storage/postgres/pg_pool.h"
#include "storage/postgres/pg_transaction.h"
#include "storage/wire_updates.h"

namespace warta::storage::postgres {

Result<bool> RecordWireUpdate(Pool& pool, const WireUpdate& u) {
  return InWriteTransaction<bool>(pool, [&](Connection& connection) -> Result<bool> {
    WARTA_ASSIGN_OR_RETURN(
        auto rows,
        connection.Query(
            "UPDATE article_wire SET update_title = $1, update_body_html = $2, "
            "update_hash = $3, updated_at = $4 WHERE article_id = $5 AND source_id = $6 AND "
            "(CASE WHEN updated_at = 0 THEN original_title ELSE update_title END "
            "<> $1 OR CASE WHEN updated_at = 0 THEN original_hash "
            "ELSE update_hash END <> $3) RETURNING article_id",
            Params()
                .Add(u.title)
                .Add(u.body_html)
                .Add(u.content_hash)
                .Add(u.now)
                .Add(u.article_id)
                .Add(u.source_id)));
    return !rows.empty();
  });
}

}  // namespace warta::storage::postgres
