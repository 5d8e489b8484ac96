#include "storage/sqlite/statement_helpers.h"

#include <utility>

namespace warta::storage::sqlite {

Result<std::int64_t> InsertReturningId(Statement& stmt, std::string_view what) {
  WARTA_ASSIGN_OR_RETURN(auto id,
                         RunReturning(stmt, [](const Statement& s) { return s.Int64(0); }));
  if (!id.has_value()) {
    return Error::Internal("sqlite: INSERT " + std::string(what) + " gave no id");
  }
  return *id;
}

Error ExplainConflict(const Error& error, std::string message) {
  if (error.code != ErrorCode::kAlreadyExists) return error;
  return Error::AlreadyExists(std::move(message));
}

Error NoSuchId(std::string_view what, std::int64_t id) {
  return Error::NotFound("storage: no " + std::string(what) + " with id " + std::to_string(id));
}

Result<void> RunOrNotFound(Statement& stmt, std::string_view what, std::int64_t id) {
  WARTA_ASSIGN_OR_RETURN(auto row, RunReturning(stmt, RowFound));
  if (!row.has_value()) return NoSuchId(what, id);
  return Ok();
}

}  // namespace warta::storage::sqlite
