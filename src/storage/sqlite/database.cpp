#include "storage/sqlite/database.h"

#include <sqlite3.h>

#include <utility>

#include "storage/sqlite/search_fts.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kBusyTimeoutMs = 5000;

// Short SQL text for error messages: the first line, bounded.
std::string SqlForMessage(sqlite3_stmt* stmt) {
  const char* sql = sqlite3_sql(stmt);
  std::string_view text = sql != nullptr ? sql : "";
  text = text.substr(0, text.find('\n'));
  if (text.size() > 60) return std::string(text.substr(0, 60)) + "...";
  return std::string(text);
}

Error OpenError(int rc, const std::string& path, sqlite3* db) {
  const char* detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  std::string message = "cannot open '" + path + "'";
  switch (rc & 0xff) {
    case SQLITE_CANTOPEN:
      return MakeSqliteError(rc, message,
                             std::string(detail) + " (is the directory there and writable?)");
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return MakeSqliteError(rc, message + " for writing",
                             std::string(detail) + " (are the file and its directory writable?)");
    case SQLITE_NOTADB:
      return MakeSqliteError(rc, message, std::string(detail) + " (is it an SQLite database?)");
    default:
      return MakeSqliteError(rc, message, detail);
  }
}

}  // namespace

void DbCloser::operator()(sqlite3* db) const { sqlite3_close_v2(db); }
void StmtFinalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

ErrorCode SqliteErrorCode(int rc) {
  switch (rc) {
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_ROWID:
      return ErrorCode::kAlreadyExists;
    default:
      break;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return ErrorCode::kUnavailable;
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_RANGE:
      return ErrorCode::kInvalidArgument;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
    case SQLITE_NOLFS:
      return ErrorCode::kIo;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return ErrorCode::kCorrupt;
    case SQLITE_TOOBIG:
      return ErrorCode::kTooLarge;
    case SQLITE_INTERRUPT:
      return ErrorCode::kTimeout;
    default:
      return ErrorCode::kInternal;
  }
}

Error MakeSqliteError(int rc, std::string_view what, std::string_view sqlite_message) {
  std::string message = "sqlite: ";
  message += what;
  message += ": ";
  message += sqlite_message;
  return MakeError(SqliteErrorCode(rc), std::move(message));
}

// --- Statement ---

Statement::Statement(sqlite3_stmt* stmt, bool* in_use, StmtPtr owned)
    : stmt_(stmt), in_use_(in_use), owned_(std::move(owned)) {}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)),
      owned_(std::move(other.owned_)),
      bind_rc_(other.bind_rc_),
      bind_index_(other.bind_index_) {}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (in_use_ != nullptr) *in_use_ = false;
}

Statement& Statement::Bind(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
    bind_rc_ = rc;
    bind_index_ = index;
  }
  return *this;
}

Statement& Statement::BindNull(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
    bind_rc_ = rc;
    bind_index_ = index;
  }
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
    bind_rc_ = rc;
    bind_index_ = index;
  }
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  // A non-null pointer even for "" so the value is an empty string, not NULL.
  const char* data = value.data() != nullptr ? value.data() : "";
  int rc = sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
    bind_rc_ = rc;
    bind_index_ = index;
  }
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  const char* data = bytes.data() != nullptr ? bytes.data() : "";
  int rc = sqlite3_bind_blob64(stmt_, index, data, bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK && bind_rc_ == SQLITE_OK) {
    bind_rc_ = rc;
    bind_index_ = index;
  }
  return *this;
}

Result<bool> Statement::Step() {
  if (bind_rc_ != SQLITE_OK) {
    return MakeSqliteError(
        bind_rc_,
        "binding parameter " + std::to_string(bind_index_) + " of '" + SqlForMessage(stmt_) + "'",
        sqlite3_errstr(bind_rc_));
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return MakeSqliteError(rc, SqlForMessage(stmt_), sqlite3_errmsg(sqlite3_db_handle(stmt_)));
}

Result<void> Statement::Run() {
  for (;;) {
    WARTA_ASSIGN_OR_RETURN(auto row, Step());
    if (!row) return Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  bind_rc_ = SQLITE_OK;
}

std::int64_t Statement::Int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Statement::Blob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  if (bytes == nullptr) return {};
  return std::string(static_cast<const char*>(bytes),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// --- Connection ---

Connection::Connection(DbPtr db, std::string path, std::mutex* write_mutex)
    : db_(std::move(db)), path_(std::move(path)), write_mutex_(write_mutex) {}

Connection::~Connection() { cache_.clear(); }

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                     std::mutex* write_mutex) {
  // Without SQLITE_OPEN_URI a "file:" name is a plain file name, but a build with
  // SQLITE_USE_URI would read it as a URI: make it unambiguous.
  std::string file = path.rfind("file:", 0) == 0 ? "./" + path : path;
  sqlite3* raw = nullptr;
  int flags =
      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
  int rc = sqlite3_open_v2(file.c_str(), &raw, flags, nullptr);
  DbPtr db(raw);  // sqlite3_open_v2 allocates a handle even when it fails
  if (rc != SQLITE_OK) return OpenError(rc, path, db.get());
  // SQLite silently falls back to read-only when the file is not writable.
  if (sqlite3_db_readonly(db.get(), "main") == 1) {
    return OpenError(SQLITE_READONLY, path, nullptr);
  }
  sqlite3_extended_result_codes(db.get(), 1);
  std::unique_ptr<Connection> connection(new Connection(std::move(db), path, write_mutex));
  WARTA_RETURN_IF_ERROR(connection->Configure());
  return connection;
}

Result<void> Connection::Configure() {
  sqlite3_busy_timeout(db_.get(), kBusyTimeoutMs);
  // The first statement reads the file header: errors about the file itself show up here.
  auto journal = Prepare("PRAGMA journal_mode=WAL");
  if (!journal.ok()) return OpenError(sqlite3_extended_errcode(db_.get()), path_, db_.get());
  auto row = journal->Step();
  if (!row.ok()) return OpenError(sqlite3_extended_errcode(db_.get()), path_, db_.get());
  std::string mode = *row ? journal->Text(0) : "";
  if (mode != "wal") {
    return Error::Io("sqlite: cannot use write-ahead logging on '" + path_ +
                     "' (journal mode stays '" + mode + "')");
  }
  WARTA_RETURN_IF_ERROR(Exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"));
  // The search index's tokenizer and trigger functions: every connection may write articles.
  return RegisterSearch(db_.get());
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  bool inserted = false;
  if (it == cache_.end()) {
    it = cache_.emplace(std::string(sql), CachedStatement{}).first;
    inserted = true;
  }
  CachedStatement& entry = it->second;
  if (!entry.in_use && entry.stmt != nullptr) {
    entry.in_use = true;
    return Statement(entry.stmt.get(), &entry.in_use, nullptr);
  }
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
  StmtPtr stmt(raw);
  if (rc == SQLITE_OK && raw == nullptr) rc = SQLITE_MISUSE;  // empty SQL: a bug here
  if (rc != SQLITE_OK) {
    if (inserted) cache_.erase(it);
    std::string shown(sql.substr(0, sql.find('\n')));
    return MakeSqliteError(rc, "preparing '" + shown.substr(0, 60) + "'",
                           sqlite3_errmsg(db_.get()));
  }
  if (entry.stmt == nullptr) {
    entry.stmt = std::move(stmt);
    entry.in_use = true;
    return Statement(entry.stmt.get(), &entry.in_use, nullptr);
  }
  // The cached one is in use further up the stack: hand out a private copy.
  sqlite3_stmt* own = stmt.get();
  return Statement(own, nullptr, std::move(stmt));
}

Result<void> Connection::Exec(const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Ok();
  std::string detail = error != nullptr ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  std::string shown = sql.substr(0, sql.find('\n')).substr(0, 60);
  return MakeSqliteError(sqlite3_extended_errcode(db_.get()), "running '" + shown + "'", detail);
}

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_.get()) == 0; }

// --- Transaction ---

Transaction::Transaction(Connection* connection, std::unique_lock<std::mutex> lock)
    : connection_(connection), lock_(std::move(lock)) {}

Transaction::Transaction(Transaction&& other) noexcept
    : connection_(std::exchange(other.connection_, nullptr)), lock_(std::move(other.lock_)) {}

Result<Transaction> Transaction::Begin(Connection& connection, Mode mode) {
  std::unique_lock<std::mutex> lock;
  if (mode == Mode::kImmediate && connection.write_mutex() != nullptr) {
    lock = std::unique_lock<std::mutex>(*connection.write_mutex());
  }
  WARTA_ASSIGN_OR_RETURN(
      auto begin, connection.Prepare(mode == Mode::kImmediate ? "BEGIN IMMEDIATE" : "BEGIN"));
  WARTA_RETURN_IF_ERROR(begin.Run());
  return Transaction(&connection, std::move(lock));
}

Result<void> Transaction::Commit() {
  WARTA_ASSIGN_OR_RETURN(auto commit, connection_->Prepare("COMMIT"));
  WARTA_RETURN_IF_ERROR(commit.Run());
  connection_ = nullptr;
  if (lock_.owns_lock()) lock_.unlock();
  return Ok();
}

Transaction::~Transaction() {
  if (connection_ == nullptr || !connection_->InTransaction()) return;
  // A failed ROLLBACK leaves nothing better to do; the pool rolls back again on return.
  (void)connection_->Exec("ROLLBACK");
}

}  // namespace warta::storage::sqlite
