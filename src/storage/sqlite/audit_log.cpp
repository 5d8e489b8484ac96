#include "storage/sqlite/audit_log.h"

#include <string>

#include "core/utf8.h"
#include "storage/sqlite/statement_helpers.h"

namespace warta::storage::sqlite {
namespace {

constexpr std::size_t kMaxActionBytes = 100;
constexpr std::size_t kMaxSummaryBytes = 2000;

}  // namespace

Result<void> CheckAuditEntry(const model::AuditEntry& entry) {
  if (entry.action.empty() || entry.action.size() > kMaxActionBytes ||
      entry.target_type.size() > kMaxActionBytes) {
    return Error::InvalidArgument("storage: an audit entry needs an action of at most " +
                                  std::to_string(kMaxActionBytes) + " bytes");
  }
  if (entry.summary.size() > kMaxSummaryBytes || !utf8::IsValid(entry.summary) ||
      !utf8::IsValid(entry.action) || !utf8::IsValid(entry.target_type)) {
    return Error::InvalidArgument("storage: an audit summary is UTF-8 of at most " +
                                  std::to_string(kMaxSummaryBytes) + " bytes");
  }
  return Ok();
}

Result<std::int64_t> AppendAudit(Connection& connection, const model::AuditEntry& entry,
                                 std::int64_t target_id) {
  WARTA_RETURN_IF_ERROR(CheckAuditEntry(entry));
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare("INSERT INTO audit_log (created_at, user_id, action, target_type, "
                         "target_id, summary) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt.Bind(1, entry.created_at).Bind(2, entry.user_id).Bind(3, entry.action);
  stmt.Bind(4, entry.target_type).Bind(5, entry.target_id != 0 ? entry.target_id : target_id);
  stmt.Bind(6, entry.summary);
  return InsertReturningId(stmt, "audit entry");
}

}  // namespace warta::storage::sqlite
