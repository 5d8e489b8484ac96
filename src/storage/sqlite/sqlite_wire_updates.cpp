// storage/wire_updates.h on SQLite.
#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"
#include "storage/wire_updates.h"

namespace warta::storage::sqlite {

Result<bool> RecordWireUpdate(ConnectionPool& pool, const WireUpdate& u) {
  return InWriteTransaction<bool>(pool, [&](Connection& connection) -> Result<bool> {
    // Compared with the newest version the row holds (the update once there is one, else the
    // original).
    WARTA_ASSIGN_OR_RETURN(
        auto stmt,
        connection.Prepare(
            "UPDATE article_wire SET update_title = ?1, update_body_html = ?2, "
            "update_hash = ?3, updated_at = ?4 WHERE article_id = ?5 AND source_id = ?6 AND "
            "(CASE WHEN updated_at = 0 THEN original_title ELSE update_title END "
            "<> ?1 OR CASE WHEN updated_at = 0 THEN original_hash "
            "ELSE update_hash END <> ?3) RETURNING article_id"));
    stmt.Bind(1, u.title).Bind(2, u.body_html).Bind(3, u.content_hash).Bind(4, u.now);
    stmt.Bind(5, u.article_id).Bind(6, u.source_id);
    WARTA_ASSIGN_OR_RETURN(bool row, stmt.Step());
    return row;
  });
}

}  // namespace warta::storage::sqlite
