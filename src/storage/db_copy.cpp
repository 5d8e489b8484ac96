// SQLite → PostgreSQL copy (db_copy.h). The source is read with the SQLite C API (values by
// their storage class), the target written through one libpq connection with text parameters.
#include "storage/db_copy.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "storage/postgres/pg_connection.h"
#include "storage/postgres/pg_search_index.h"
#include "storage/sqlite/database.h"
#include "storage/store.h"

namespace warta::storage {
namespace {

using postgres::Params;
using PgConnection = postgres::Connection;

constexpr std::string_view kProgressTable = "warta_copy_progress";
// PostgreSQL takes at most 65,535 parameters per statement.
constexpr int kMaxParams = 60'000;

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

struct Column {
  std::string name;
  bool bytea = false;
};

struct Table {
  std::string name;
  std::vector<Column> columns;  // in both backends; PostgreSQL's generated ones left out
  bool has_id = false;          // an identity "id" column whose sequence is set afterwards
  std::string key_order;        // WITHOUT ROWID tables: read in primary-key order by offset
  std::int64_t total = 0;       // rows in the source
  std::int64_t last_rowid = 0;  // from the progress table
  std::int64_t done = 0;
  bool started = false;
  bool finished = false;
};

std::string Quoted(std::string_view name) { return "\"" + std::string(name) + "\""; }

struct SourceTable {
  std::set<std::string> columns;
  std::string key_order;  // "a, b" for a WITHOUT ROWID table; empty otherwise
};

// The source's tables and their columns (sqlite_master, PRAGMA table_info).
Result<std::map<std::string, SourceTable>> SqliteColumns(sqlite::Connection& db) {
  std::map<std::string, SourceTable> tables;
  WARTA_ASSIGN_OR_RETURN(auto list, db.Prepare("SELECT name, sql LIKE '%WITHOUT ROWID%' FROM "
                                               "sqlite_master WHERE type = 'table' AND name NOT "
                                               "LIKE 'sqlite_%'"));
  std::vector<std::pair<std::string, bool>> names;
  for (;;) {
    WARTA_ASSIGN_OR_RETURN(bool row, list.Step());
    if (!row) break;
    names.emplace_back(list.Text(0), list.Int64(1) != 0);
  }
  for (const auto& [name, without_rowid] : names) {
    WARTA_ASSIGN_OR_RETURN(auto info,
                           db.Prepare("SELECT name, pk FROM pragma_table_info(?) ORDER BY pk"));
    info.Bind(1, name);
    SourceTable& table = tables[name];
    for (;;) {
      WARTA_ASSIGN_OR_RETURN(bool row, info.Step());
      if (!row) break;
      table.columns.insert(info.Text(0));
      if (without_rowid && info.Int64(1) > 0) {
        table.key_order += (table.key_order.empty() ? "" : ", ") + Quoted(info.Text(0));
      }
    }
  }
  return tables;
}

// The target's tables both backends have, parents before children.
Result<std::vector<Table>> PlanTables(PgConnection& pg,
                                      const std::map<std::string, SourceTable>& source) {
  WARTA_ASSIGN_OR_RETURN(
      auto columns,
      pg.Query("SELECT c.table_name, c.column_name, c.data_type, c.is_generated, c.is_identity "
               "FROM information_schema.columns c JOIN information_schema.tables t "
               "ON t.table_name = c.table_name AND t.table_schema = c.table_schema "
               "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
               "ORDER BY c.table_name, c.ordinal_position"));
  std::map<std::string, Table> tables;
  for (int i = 0; i < columns.size(); ++i) {
    const std::string table = columns.Text(i, 0);
    const std::string column = columns.Text(i, 1);
    if (table == "schema_migrations" || table == kProgressTable) continue;
    auto in_source = source.find(table);
    if (in_source == source.end() || in_source->second.columns.count(column) == 0) continue;
    if (columns.Text(i, 3) == "ALWAYS") continue;  // generated: PostgreSQL computes it
    Table& t = tables[table];
    t.name = table;
    t.key_order = in_source->second.key_order;
    t.columns.push_back({column, columns.Text(i, 2) == "bytea"});
    if (column == "id" && columns.Text(i, 4) == "YES") t.has_id = true;
  }
  WARTA_ASSIGN_OR_RETURN(
      auto keys,
      pg.Query("SELECT DISTINCT child.relname, parent.relname FROM pg_constraint k "
               "JOIN pg_class child ON child.oid = k.conrelid "
               "JOIN pg_class parent ON parent.oid = k.confrelid "
               "WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace"));
  std::map<std::string, std::set<std::string>> parents;
  for (int i = 0; i < keys.size(); ++i) {
    if (keys.Text(i, 0) != keys.Text(i, 1)) parents[keys.Text(i, 0)].insert(keys.Text(i, 1));
  }
  // Kahn's order; self-references (comment replies) are satisfied by copying in rowid order.
  std::vector<Table> ordered;
  std::set<std::string> placed;
  while (ordered.size() < tables.size()) {
    bool progressed = false;
    for (auto& [name, table] : tables) {
      if (placed.count(name) != 0) continue;
      bool ready = true;
      for (const std::string& parent : parents[name]) {
        if (tables.count(parent) != 0 && placed.count(parent) == 0) ready = false;
      }
      if (!ready) continue;
      placed.insert(name);
      ordered.push_back(table);
      progressed = true;
    }
    if (!progressed) return Error::Internal("db copy: foreign keys form a cycle");
  }
  return ordered;
}

// Refuses a target with content unless a previous copy left its progress table.
Result<bool> PrepareProgress(PgConnection& pg) {
  WARTA_ASSIGN_OR_RETURN(
      auto exists, pg.Query("SELECT to_regclass($1) IS NOT NULL", Params().Add(kProgressTable)));
  if (exists.Bool(0, 0)) return true;
  for (const char* table : {"articles", "users", "comments", "sources"}) {
    WARTA_ASSIGN_OR_RETURN(auto any,
                           pg.Query("SELECT EXISTS (SELECT 1 FROM " + std::string(table) + ")"));
    if (any.Bool(0, 0)) {
      return MakeError(ErrorCode::kAlreadyExists,
                       "db copy: the target already holds " + std::string(table) +
                           " and no interrupted copy: copy into an empty database");
    }
  }
  WARTA_RETURN_IF_ERROR(pg.Exec("CREATE TABLE " + std::string(kProgressTable) +
                                " (table_name TEXT PRIMARY KEY, last_rowid BIGINT NOT NULL, "
                                "rows_done BIGINT NOT NULL, finished BOOLEAN NOT NULL)"));
  return false;
}

// One cell of the source as PostgreSQL's text input for its column.
std::optional<std::string> CellText(sqlite3_stmt* stmt, int index, const Column& column) {
  switch (sqlite3_column_type(stmt, index)) {
    case SQLITE_NULL:
      return std::nullopt;
    case SQLITE_INTEGER:
      return std::to_string(sqlite3_column_int64(stmt, index));
    case SQLITE_FLOAT: {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%.17g", sqlite3_column_double(stmt, index));
      return std::string(buffer);
    }
    default: {
      const void* data = sqlite3_column_blob(stmt, index);
      const int size = sqlite3_column_bytes(stmt, index);
      std::string bytes(static_cast<const char*>(data), static_cast<std::size_t>(size));
      if (column.bytea) return PgConnection::ByteaParam(bytes);
      return bytes;
    }
  }
}

// Copies the next batch of `table` in one target transaction; false when the table is done.
Result<bool> CopyBatch(sqlite::Connection& source, PgConnection& pg, Table& table, int batch_rows) {
  // Keyset by rowid; a WITHOUT ROWID table by offset in key order (the source is read in one
  // snapshot, so the offset of a resumed copy still points where the last one stopped).
  const bool by_key = !table.key_order.empty();
  std::string select = by_key ? "SELECT 0" : "SELECT rowid";
  for (const Column& c : table.columns) select += ", " + Quoted(c.name);
  select += " FROM " + Quoted(table.name) +
            (by_key ? " ORDER BY " + table.key_order + " LIMIT ?2 OFFSET ?1"
                    : " WHERE rowid > ?1 ORDER BY rowid LIMIT ?2");
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(source.raw(), select.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return Error::Internal("db copy: " + table.name + ": " + sqlite3_errmsg(source.raw()));
  }
  sqlite::StmtPtr stmt(raw);
  const int columns = static_cast<int>(table.columns.size());
  const int rows_per_batch = std::max(1, std::min(batch_rows, kMaxParams / std::max(columns, 1)));
  sqlite3_bind_int64(raw, 1, by_key ? table.done : table.last_rowid);
  sqlite3_bind_int64(raw, 2, rows_per_batch);
  Params params;
  int rows = 0;
  std::int64_t last = table.last_rowid;
  for (;;) {
    const int rc = sqlite3_step(raw);
    if (rc == SQLITE_DONE) break;
    if (rc != SQLITE_ROW) {
      return Error::Internal("db copy: " + table.name + ": " + sqlite3_errmsg(source.raw()));
    }
    last = sqlite3_column_int64(raw, 0);
    for (int c = 0; c < columns; ++c) {
      auto text = CellText(raw, c + 1, table.columns[static_cast<std::size_t>(c)]);
      if (text) {
        params.Add(*text);
      } else {
        params.Null();
      }
    }
    ++rows;
  }
  WARTA_RETURN_IF_ERROR(pg.Exec("BEGIN"));
  auto body = [&]() -> Result<void> {
    // Rows the target's migrations made (trending_state, settings) give way to the source's.
    if (!table.started) WARTA_RETURN_IF_ERROR(pg.Exec("DELETE FROM " + Quoted(table.name)));
    if (rows > 0) {
      std::string insert = "INSERT INTO " + Quoted(table.name) + " (";
      for (int c = 0; c < columns; ++c) {
        insert += (c > 0 ? ", " : "") + Quoted(table.columns[static_cast<std::size_t>(c)].name);
      }
      insert += ") VALUES ";
      int n = 0;
      for (int r = 0; r < rows; ++r) {
        insert += r > 0 ? ", (" : "(";
        for (int c = 0; c < columns; ++c) insert += (c > 0 ? ", $" : "$") + std::to_string(++n);
        insert += ")";
      }
      WARTA_RETURN_IF_ERROR(pg.Run(insert, params));
    }
    return pg.Run("INSERT INTO " + std::string(kProgressTable) +
                      " VALUES ($1, $2, $3, $4) ON CONFLICT (table_name) DO UPDATE SET "
                      "last_rowid = EXCLUDED.last_rowid, rows_done = EXCLUDED.rows_done, "
                      "finished = EXCLUDED.finished",
                  Params()
                      .Add(table.name)
                      .Add(last)
                      .Add(table.done + rows)
                      .Add(rows < rows_per_batch ? "true" : "false"));
  };
  if (auto done = body(); !done.ok()) {
    (void)pg.Exec("ROLLBACK");
    return MakeError(done.error().code, "db copy: " + table.name + ": " + done.error().message);
  }
  WARTA_RETURN_IF_ERROR(pg.Exec("COMMIT"));
  table.started = true;
  table.last_rowid = last;
  table.done += rows;
  table.finished = rows < rows_per_batch;
  return !table.finished;
}

// Search vectors of every article (PostgreSQL's search reads them; SQLite's FTS is not
// copied), then identity sequences past the copied ids.
Result<std::int64_t> Finish(PgConnection& pg, const std::vector<Table>& tables) {
  WARTA_ASSIGN_OR_RETURN(auto ids, pg.Query("SELECT id FROM articles ORDER BY id"));
  for (int start = 0; start < ids.size(); start += 500) {
    WARTA_RETURN_IF_ERROR(pg.Exec("BEGIN"));
    for (int i = start; i < std::min(ids.size(), start + 500); ++i) {
      if (auto indexed = postgres::ReindexArticle(pg, ids.Int64(i, 0)); !indexed.ok()) {
        (void)pg.Exec("ROLLBACK");
        return indexed.error();
      }
    }
    WARTA_RETURN_IF_ERROR(pg.Exec("COMMIT"));
  }
  for (const Table& t : tables) {
    if (!t.has_id) continue;
    const std::string name = Quoted(t.name);
    WARTA_RETURN_IF_ERROR(
        pg.Run("SELECT setval(pg_get_serial_sequence($1, 'id'), "
               "coalesce((SELECT max(id) FROM " +
                   name + "), 0) + 1, false)",
               Params().Add(t.name)));
  }
  WARTA_RETURN_IF_ERROR(pg.Exec("DROP TABLE " + std::string(kProgressTable)));
  return static_cast<std::int64_t>(ids.size());
}

}  // namespace

Result<CopySummary> CopyDatabase(const std::string& from, const std::string& to,
                                 const CopyOptions& options) {
  if (!StartsWith(from, "sqlite:") ||
      !(StartsWith(to, "postgresql://") || StartsWith(to, "postgres://"))) {
    return Error::InvalidArgument(
        "db copy: only --from sqlite:PATH --to postgresql://... is built");
  }
  // Both at the latest schema version: the same tables and columns.
  for (const std::string* url : {&from, &to}) {
    WARTA_ASSIGN_OR_RETURN(auto store, OpenStore(*url));
    WARTA_RETURN_IF_ERROR(store->Migrate());
  }
  std::string path = from.substr(std::string_view("sqlite:").size());
  if (StartsWith(path, "//")) path = path.substr(2);
  WARTA_ASSIGN_OR_RETURN(auto source, sqlite::Connection::Open(path, nullptr));
  WARTA_ASSIGN_OR_RETURN(auto pg, PgConnection::Open(to, /*connect_timeout_seconds=*/10));
  WARTA_ASSIGN_OR_RETURN(auto source_columns, SqliteColumns(*source));
  WARTA_ASSIGN_OR_RETURN(std::vector<Table> tables, PlanTables(*pg, source_columns));
  CopySummary summary;
  WARTA_ASSIGN_OR_RETURN(summary.resumed, PrepareProgress(*pg));
  WARTA_ASSIGN_OR_RETURN(auto progress, pg->Query("SELECT table_name, last_rowid, rows_done, "
                                                  "finished FROM " +
                                                  std::string(kProgressTable)));
  std::map<std::string, int> row_of;
  for (int i = 0; i < progress.size(); ++i) row_of[progress.Text(i, 0)] = i;
  CopyProgress shown;
  for (Table& t : tables) {
    WARTA_ASSIGN_OR_RETURN(auto count, source->Prepare("SELECT count(*) FROM " + Quoted(t.name)));
    WARTA_RETURN_IF_ERROR(count.Step());
    t.total = count.Int64(0);
    shown.total += t.total;
    if (auto it = row_of.find(t.name); it != row_of.end()) {
      t.started = true;
      t.last_rowid = progress.Int64(it->second, 1);
      t.done = progress.Int64(it->second, 2);
      t.finished = progress.Bool(it->second, 3);
      shown.done += t.done;
    }
  }
  // The source must not change meanwhile: one read transaction (a consistent snapshot).
  WARTA_RETURN_IF_ERROR(source->Exec("BEGIN"));
  for (Table& t : tables) {
    ++summary.tables;
    while (!t.finished) {
      if (options.cancel != nullptr && options.cancel->load()) {
        return MakeError(ErrorCode::kUnavailable, "db copy: interrupted; run it again to resume");
      }
      const std::int64_t before = t.done;
      WARTA_ASSIGN_OR_RETURN(bool more, CopyBatch(*source, *pg, t, options.batch_rows));
      (void)more;
      summary.rows += t.done - before;
      shown.done += t.done - before;
      shown.table = t.name;
      shown.table_done = t.done;
      shown.table_total = t.total;
      if (options.on_progress) options.on_progress(shown);
    }
  }
  (void)source->Exec("COMMIT");
  WARTA_ASSIGN_OR_RETURN(summary.articles_indexed, Finish(*pg, tables));
  return summary;
}

}  // namespace warta::storage
