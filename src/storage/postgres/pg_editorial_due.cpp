// The publisher's queries on PostgreSQL (pg_editorial.h): what is due, when the next thing is
// due, and the conditional updates that make exactly one node publish or withdraw each.
#include <string>

#include "storage/postgres/pg_audit.h"
#include "storage/postgres/pg_editorial.h"
#include "storage/postgres/pg_search_index.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

constexpr int kMaxDueLimit = 10'000;

// Runs a conditional status update (... RETURNING 1) and, when it changed the row, the audit
// entry and the search index; false when the condition no longer held (another node got
// there first, an editor changed it, or it is not due yet). The UPDATE's row lock makes the
// second of two nodes re-check the condition after the first commits, and find it false.
Result<bool> ApplyDue(Pool& pool, std::string_view sql, std::int64_t id, std::int64_t now,
                      const model::AuditEntry& audit) {
  WARTA_RETURN_IF_ERROR(CheckAuditEntry(audit));
  return InWriteTransaction<bool>(pool, [&](Connection& connection) -> Result<bool> {
    WARTA_ASSIGN_OR_RETURN(auto changed, connection.Query(sql, Params().Add(id).Add(now)));
    if (changed.empty()) return false;
    WARTA_RETURN_IF_ERROR(ReindexArticle(connection, id));
    WARTA_RETURN_IF_ERROR(AppendAudit(connection, audit, id));
    return true;
  });
}

}  // namespace

Result<std::vector<DueChange>> PgEditorialStore::ListDue(std::int64_t now, int limit) {
  if (limit < 1 || limit > kMaxDueLimit) {
    return Error::InvalidArgument("storage: due limit out of range");
  }
  // Each half reads its partial index (articles_scheduled_idx, articles_unpublish_idx).
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_,
                "SELECT id, 1, publish_at FROM articles WHERE status = 'scheduled' AND "
                "publish_at <= $1 UNION ALL SELECT id, 0, unpublish_at FROM articles WHERE "
                "unpublish_at > 0 AND unpublish_at <= $1 AND status = 'published' "
                "ORDER BY 3, 1 LIMIT $2",
                Params().Add(now).Add(limit)));
  std::vector<DueChange> due;
  for (int i = 0; i < rows.size(); ++i) {
    due.push_back(DueChange{rows.Int64(i, 0), rows.Int64(i, 1) != 0, rows.Int64(i, 2)});
  }
  return due;
}

Result<std::optional<std::int64_t>> PgEditorialStore::NextDue() {
  // LEAST ignores NULLs: NULL only when neither half has a row.
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_,
                "SELECT LEAST((SELECT min(publish_at) FROM articles WHERE status = 'scheduled'), "
                "(SELECT min(unpublish_at) FROM articles WHERE unpublish_at > 0 AND "
                "status = 'published'))"));
  if (rows.IsNull(0, 0)) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows.Int64(0, 0));
}

Result<bool> PgEditorialStore::PublishDue(std::int64_t article_id, std::int64_t now,
                                          const model::AuditEntry& audit) {
  // The scheduled time becomes the public date, also when the publisher runs late.
  return ApplyDue(pool_,
                  "UPDATE articles SET status = 'published', published_at = publish_at, "
                  "publish_at = 0, version = version + 1, updated_at = GREATEST(updated_at, $2) "
                  "WHERE id = $1 AND status = 'scheduled' AND publish_at <= $2 RETURNING 1",
                  article_id, now, audit);
}

Result<bool> PgEditorialStore::UnpublishDue(std::int64_t article_id, std::int64_t now,
                                            const model::AuditEntry& audit) {
  return ApplyDue(pool_,
                  "UPDATE articles SET status = 'unpublished', unpublish_at = 0, "
                  "version = version + 1, updated_at = GREATEST(updated_at, $2) WHERE id = $1 "
                  "AND status = 'published' AND unpublish_at > 0 AND unpublish_at <= $2 "
                  "RETURNING 1",
                  article_id, now, audit);
}

}  // namespace warta::storage::postgres
