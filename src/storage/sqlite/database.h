// Thin RAII layer over the SQLite C API: owners for sqlite3* and sqlite3_stmt*, one
// connection with its prepared-statement cache, statements that reset themselves, and
// transactions that roll back unless committed. SQLite return codes become Result here and
// nowhere else. Internal to src/storage/sqlite/.
//
// Thread safety: a Connection (and its statements) is used by one thread at a time; the
// ConnectionPool hands each connection to one caller. Connections are opened with
// SQLITE_OPEN_NOMUTEX for that reason.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace warta::storage::sqlite {

struct DbCloser {
  void operator()(sqlite3* db) const;
};
struct StmtFinalizer {
  void operator()(sqlite3_stmt* stmt) const;
};
using DbPtr = std::unique_ptr<sqlite3, DbCloser>;
using StmtPtr = std::unique_ptr<sqlite3_stmt, StmtFinalizer>;

// Maps an SQLite result code to an Error: BUSY/LOCKED -> kUnavailable, UNIQUE/PRIMARY KEY
// -> kAlreadyExists, other constraints -> kInvalidArgument, CANTOPEN/READONLY/IOERR/FULL/
// PERM -> kIo, CORRUPT/NOTADB -> kCorrupt, TOOBIG -> kTooLarge, anything else kInternal.
// The message is "sqlite: {what}: {sqlite's message}".
Error MakeSqliteError(int rc, std::string_view what, std::string_view sqlite_message);
ErrorCode SqliteErrorCode(int rc);

// A prepared statement borrowed from a Connection's cache (or owned, when the cached one
// is busy). Resets itself and clears its bindings when destroyed, so the cache entry is
// ready for the next user. Bind errors are remembered and reported by the next Step/Run.
class Statement {
 public:
  Statement(sqlite3_stmt* stmt, bool* in_use, StmtPtr owned);
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite. Text is copied.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view value);
  Statement& BindNull(int index);
  // Named apart from Bind so an int argument is never ambiguous between int64 and double.
  Statement& BindDouble(int index, double value);
  // Bytes that are not text (a compressed revision body). Copied.
  Statement& BindBlob(int index, std::string_view bytes);

  // Advances; true when a row is ready, false when done.
  Result<bool> Step();
  // Steps to the end, discarding rows (for INSERT/UPDATE/DDL).
  Result<void> Run();
  // Makes the statement runnable again with new bindings (keeps the old ones until rebound).
  void Reset();

  std::int64_t Int64(int column) const;  // 0-based
  std::string Text(int column) const;    // "" for NULL
  std::string Blob(int column) const;    // "" for NULL; the bytes as stored
  double Double(int column) const;       // 0 for NULL
  bool IsNull(int column) const;

 private:
  sqlite3_stmt* stmt_;
  bool* in_use_;  // the cache entry's flag, cleared on destruction; null when owned
  StmtPtr owned_;
  int bind_rc_ = 0;
  int bind_index_ = 0;
};

class Connection {
 public:
  // Opens (creating if absent) the database file at `path` and applies the per-connection
  // settings: WAL journal, synchronous=NORMAL, busy_timeout=5000 ms, foreign_keys=ON.
  // The parent directory must exist. Errors name the path. `write_mutex` (may be null)
  // serializes immediate transactions of connections sharing it.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, std::mutex* write_mutex);

  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Returns the cached prepared statement for `sql` (prepared on first use).
  Result<Statement> Prepare(std::string_view sql);
  // Runs a script of one or more statements without caching (migrations, pragmas).
  Result<void> Exec(const std::string& sql);

  bool InTransaction() const;
  std::mutex* write_mutex() const { return write_mutex_; }
  sqlite3* raw() const { return db_.get(); }

 private:
  Connection(DbPtr db, std::string path, std::mutex* write_mutex);
  Result<void> Configure();

  struct CachedStatement {
    StmtPtr stmt;
    bool in_use = false;
  };
  // Transparent, so a lookup by string_view does not allocate.
  struct SqlHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view sql) const {
      return std::hash<std::string_view>{}(sql);
    }
  };

  // db_ is declared first so it closes last, after the cached statements are finalized.
  DbPtr db_;
  std::unordered_map<std::string, CachedStatement, SqlHash, std::equal_to<>> cache_;
  std::string path_;
  std::mutex* write_mutex_;
};

// BEGIN [IMMEDIATE] ... COMMIT; rolls back on destruction unless committed. An immediate
// transaction takes the write lock at BEGIN, so a read-then-write cannot fail with BUSY
// half way; it also holds the connection's write mutex so writers in this process queue
// on a mutex instead of sleeping in SQLite's busy handler.
class Transaction {
 public:
  enum class Mode { kDeferred, kImmediate };
  static Result<Transaction> Begin(Connection& connection, Mode mode);

  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Result<void> Commit();

 private:
  Transaction(Connection* connection, std::unique_lock<std::mutex> lock);
  Connection* connection_;
  std::unique_lock<std::mutex> lock_;
};

}  // namespace warta::storage::sqlite
