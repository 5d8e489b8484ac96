#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {

Result<DurableCommits> DurableCommits::Begin(Connection& connection) {
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare("PRAGMA synchronous = FULL"));
  WARTA_RETURN_IF_ERROR(stmt.Run());
  return DurableCommits(&connection);
}

DurableCommits::DurableCommits(DurableCommits&& other) noexcept : connection_(other.connection_) {
  other.connection_ = nullptr;
}

DurableCommits::~DurableCommits() {
  if (connection_ == nullptr) return;
  auto stmt = connection_->Prepare("PRAGMA synchronous = NORMAL");
  // On failure the connection stays at FULL: slower, never less safe.
  if (stmt.ok()) (void)stmt->Run();
}

}  // namespace warta::storage::sqlite
