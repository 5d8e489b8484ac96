// The steps the SQLite stores repeat around a Statement: read every row, read the first row,
// insert and return the new id, and the same on a connection leased from the pool for one
// query. A row reader is any callable `Row read(const Statement&)`, or `Result<Row>
// read(const Statement&)` when a column may hold what the code cannot read (an unknown state
// word: Corrupt), which ends the read with that error; a binder is any callable
// `void bind(Statement&)` that binds the parameters. Internal to src/storage/sqlite/.
//
// Errors are those of Prepare/Step, unchanged, so callers can still tell a unique-key conflict
// (kAlreadyExists) from the rest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/result.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/database.h"

namespace warta::storage::sqlite {

namespace internal {

template <typename T>
struct RowValue {
  using Type = T;
};
template <typename T>
struct RowValue<Result<T>> {
  using Type = T;
};

}  // namespace internal

// The row the row reader `Read` reads (its Result's value, when it returns one).
template <typename Read>
using RowOf =
    typename internal::RowValue<std::decay_t<std::invoke_result_t<Read&, const Statement&>>>::Type;

// One row through `read`, as a Result whichever kind of reader it is.
template <typename Read>
Result<RowOf<Read>> ReadRow(Read& read, const Statement& stmt) {
  return read(stmt);
}

// The binder of a statement without parameters.
inline void NoParams(Statement& /*stmt*/) {}

// The row reader of a statement whose rows only say that something matched ("RETURNING 1").
inline bool RowFound(const Statement& /*stmt*/) { return true; }

// Steps `stmt` to the end, reading every row.
template <typename Read>
Result<std::vector<RowOf<Read>>> ReadAll(Statement& stmt, Read read) {
  std::vector<RowOf<Read>> rows;
  for (;;) {
    auto row = stmt.Step();
    if (!row.ok()) return row.error();
    if (!*row) return rows;
    WARTA_ASSIGN_OR_RETURN(RowOf<Read> value, ReadRow(read, stmt));
    rows.push_back(std::move(value));
  }
}

// The first row, or nullopt when there is none. The statement is not stepped further (its
// reset on release discards what is left), so this is for SELECTs.
template <typename Read>
Result<std::optional<RowOf<Read>>> ReadFirst(Statement& stmt, Read read) {
  auto row = stmt.Step();
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<RowOf<Read>>();
  WARTA_ASSIGN_OR_RETURN(RowOf<Read> value, ReadRow(read, stmt));
  return std::optional<RowOf<Read>>(std::move(value));
}

// ReadFirst, then steps to the end: for INSERT/UPDATE/DELETE ... RETURNING, which must run
// to completion, and for lookups that must not leave a read cursor open.
template <typename Read>
Result<std::optional<RowOf<Read>>> RunReturning(Statement& stmt, Read read) {
  auto first = ReadFirst(stmt, read);
  if (!first.ok() || !first->has_value()) return first;
  WARTA_RETURN_IF_ERROR(stmt.Run());
  return first;
}

// Runs an INSERT ... RETURNING id and returns the id; no row returned is kInternal
// "sqlite: INSERT {what} gave no id".
Result<std::int64_t> InsertReturningId(Statement& stmt, std::string_view what);

// A unique-key conflict (kAlreadyExists) with `message` in place of SQLite's; other errors
// unchanged.
Error ExplainConflict(const Error& error, std::string message);

// kNotFound "storage: no {what} with id {id}".
Error NoSuchId(std::string_view what, std::int64_t id);

// Runs a bound statement that returns a row when the {what} with `id` exists (an UPDATE ...
// RETURNING, or a SELECT); NoSuchId when it returns none.
Result<void> RunOrNotFound(Statement& stmt, std::string_view what, std::int64_t id);

// --- one query: prepare, bind, read ---

template <typename Bind, typename Read>
Result<std::vector<RowOf<Read>>> QueryAll(Connection& connection, std::string_view sql, Bind bind,
                                          Read read) {
  auto stmt = connection.Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  bind(*stmt);
  return ReadAll(*stmt, read);
}

template <typename Bind, typename Read>
Result<std::optional<RowOf<Read>>> QueryFirst(Connection& connection, std::string_view sql,
                                              Bind bind, Read read) {
  auto stmt = connection.Prepare(sql);
  if (!stmt.ok()) return stmt.error();
  bind(*stmt);
  return ReadFirst(*stmt, read);
}

// The same on a connection leased for this one query.
template <typename Bind, typename Read>
Result<std::vector<RowOf<Read>>> QueryAll(ConnectionPool& pool, std::string_view sql, Bind bind,
                                          Read read) {
  auto connection = pool.Acquire();
  if (!connection.ok()) return connection.error();
  return QueryAll(**connection, sql, bind, read);
}

template <typename Bind, typename Read>
Result<std::optional<RowOf<Read>>> QueryFirst(ConnectionPool& pool, std::string_view sql, Bind bind,
                                              Read read) {
  auto connection = pool.Acquire();
  if (!connection.ok()) return connection.error();
  return QueryFirst(**connection, sql, bind, read);
}

// Whether the query returns a row (an existence check such as "SELECT 1 ... WHERE ...").
template <typename Bind>
Result<bool> HasRow(ConnectionPool& pool, std::string_view sql, Bind bind) {
  auto row = QueryFirst(pool, sql, bind, RowFound);
  if (!row.ok()) return row.error();
  return row->has_value();
}

// The first column of the first row; 0 when there is no row (an aggregate always has one).
template <typename Bind>
Result<std::int64_t> QueryOneInt64(ConnectionPool& pool, std::string_view sql, Bind bind) {
  auto value = QueryFirst(pool, sql, bind, [](const Statement& stmt) { return stmt.Int64(0); });
  if (!value.ok()) return value.error();
  return value->value_or(0);
}

}  // namespace warta::storage::sqlite
