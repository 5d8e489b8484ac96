// The publisher's queries (storage/editorial_store.h): what is due, when the next thing is
// due, and the conditional updates that make exactly one node publish or withdraw each.
#include <string>

#include "storage/sqlite/audit_log.h"
#include "storage/sqlite/sqlite_newsroom.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kMaxDueLimit = 10'000;

// Runs a conditional status update (…RETURNING 1) and, when it changed the row, the audit
// entry; false when the condition no longer held (another node, an editor, not yet due).
Result<bool> ApplyDue(ConnectionPool& pool, std::string_view sql, std::int64_t id, std::int64_t now,
                      const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckAuditEntry(audit));
  return InDurableWriteTransaction<bool>(pool, [&](Connection& connection) -> Result<bool> {
    WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(sql));
    stmt.Bind(1, id).Bind(2, now);
    WARTA_ASSIGN_OR_RETURN(auto changed, RunReturning(stmt, RowFound));
    if (!changed) return false;
    WARTA_RETURN_IF_ERROR(AppendAudit(connection, audit, id));
    return true;
  });
}

}  // namespace

Result<std::vector<DueChange>> SqliteEditorialStore::ListDue(std::int64_t now, int limit) {
  if (limit < 1 || limit > kMaxDueLimit) {
    return Error::InvalidArgument("storage: due limit out of range");
  }
  // Each half reads its partial index (articles_scheduled_idx, articles_unpublish_idx).
  return QueryAll(
      pool_,
      "SELECT id, 1, publish_at FROM articles WHERE status = 'scheduled' AND publish_at <= ?1 "
      "UNION ALL SELECT id, 0, unpublish_at FROM articles WHERE unpublish_at > 0 AND "
      "unpublish_at <= ?1 AND status = 'published' ORDER BY 3, 1 LIMIT ?2",
      [&](Statement& stmt) { stmt.Bind(1, now).Bind(2, std::int64_t{limit}); },
      [](const Statement& stmt) {
        return DueChange{stmt.Int64(0), stmt.Int64(1) != 0, stmt.Int64(2)};
      });
}

Result<std::optional<std::int64_t>> SqliteEditorialStore::NextDue() {
  return QueryFirst(
      pool_,
      "SELECT min(t) FROM (SELECT min(publish_at) AS t FROM articles WHERE status = 'scheduled' "
      "UNION ALL SELECT min(unpublish_at) FROM articles WHERE unpublish_at > 0 AND "
      "status = 'published') WHERE t IS NOT NULL HAVING count(t) > 0",
      NoParams, [](const Statement& stmt) { return stmt.Int64(0); });
}

Result<bool> SqliteEditorialStore::PublishDue(std::int64_t article_id, std::int64_t now,
                                              const model::AuditEntry& audit) {
  // The scheduled time becomes the public date, also when the publisher runs late.
  return ApplyDue(pool_,
                  "UPDATE articles SET status = 'published', published_at = publish_at, "
                  "publish_at = 0, version = version + 1, updated_at = max(updated_at, ?2) "
                  "WHERE id = ?1 AND status = 'scheduled' AND publish_at <= ?2 RETURNING 1",
                  article_id, now, audit);
}

Result<bool> SqliteEditorialStore::UnpublishDue(std::int64_t article_id, std::int64_t now,
                                                const model::AuditEntry& audit) {
  return ApplyDue(pool_,
                  "UPDATE articles SET status = 'unpublished', unpublish_at = 0, "
                  "version = version + 1, updated_at = max(updated_at, ?2) WHERE id = ?1 AND "
                  "status = 'published' AND unpublish_at > 0 AND unpublish_at <= ?2 RETURNING 1",
                  article_id, now, audit);
}

}  // namespace warta::storage::sqlite
