// One libpq connection with its prepared statements, and the result of a query. Internal to
// src/storage/postgres/: the PostgreSQL stores run their SQL through it, and libpq's return
// codes become Result here and nowhere else.
//
// Parameters are sent as text ($1, $2, ... in the SQL) and results read as text: the stores
// bind only integers, doubles, strings and NULL, and text keeps one code path for all of them.
// Every distinct SQL text is prepared once per connection (PQprepare) and then executed by name.
//
// Errors: AlreadyExists for a unique violation (SQLSTATE 23505); InvalidArgument for a CHECK,
// NOT NULL or foreign-key violation (23xxx); Timeout for statement_timeout (57014);
// Unavailable for a serialization failure or deadlock (40001, 40P01) and for a lost
// connection; Io for the rest. retryable() tells the transaction runner which may be retried.
// Thread safety: a connection is used by one thread at a time (the pool leases it).
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"

namespace warta::storage::postgres {

// The values of one statement's $1, $2, ...; nullopt is SQL NULL.
class Params {
 public:
  Params& Add(std::int64_t value) {
    values_.emplace_back(std::to_string(value));
    return *this;
  }
  Params& Add(int value) { return Add(static_cast<std::int64_t>(value)); }
  Params& Add(std::string_view value) {
    values_.emplace_back(std::string(value));
    return *this;
  }
  Params& Add(const char* value) { return Add(std::string_view(value)); }
  Params& Add(const std::string& value) { return Add(std::string_view(value)); }
  Params& AddDouble(double value);
  Params& Null() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  // NULL for an empty string (ingest keys: the partial unique indexes ignore NULL).
  Params& AddOrNull(std::string_view value) { return value.empty() ? Null() : Add(value); }
  // NULL for 0 or less (optional references).
  Params& AddIdOrNull(std::int64_t id) { return id > 0 ? Add(id) : Null(); }

  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

struct PgResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};

// The rows of one query, read by (row, column). Column values of NULL read as 0 / "".
class Rows {
 public:
  Rows() = default;
  explicit Rows(std::unique_ptr<PGresult, PgResultDeleter> result) : result_(std::move(result)) {}

  int size() const { return result_ ? PQntuples(result_.get()) : 0; }
  bool empty() const { return size() == 0; }
  bool IsNull(int row, int column) const;
  std::int64_t Int64(int row, int column) const;
  double Double(int row, int column) const;
  bool Bool(int row, int column) const;  // PostgreSQL's 't' / 'f', or an integer != 0
  std::string Text(int row, int column) const;
  // bytea, decoded from PostgreSQL's hex output.
  std::string Bytes(int row, int column) const;
  // The number of rows an INSERT, UPDATE or DELETE changed.
  std::int64_t affected() const;

 private:
  std::unique_ptr<PGresult, PgResultDeleter> result_;
};

struct PgConnDeleter {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};

class Connection {
 public:
  // Connects with libpq's conninfo or URL `url`, waiting at most connect_timeout_seconds.
  // Unavailable when the server cannot be reached (the message never repeats a password).
  static Result<std::unique_ptr<Connection>> Open(const std::string& url,
                                                  int connect_timeout_seconds);

  // Runs one statement with parameters through a statement prepared on this connection.
  Result<Rows> Query(std::string_view sql, const Params& params = Params());
  // Query for statements whose rows nobody reads (INSERT, UPDATE, DELETE without RETURNING).
  Result<void> Run(std::string_view sql, const Params& params = Params());
  // Runs one or more statements without parameters (migrations, BEGIN, COMMIT).
  Result<void> Exec(std::string_view sql);

  // The server closed the connection or the socket broke: the pool drops it.
  bool broken() const;
  // Reads whatever the server sent while the connection sat idle (without a round trip): a
  // server that ended the session (restart, pg_terminate_backend, an idle timeout) has sent
  // its goodbye and closed the socket, which this notices. False: do not use it.
  bool Alive();
  // A transaction is open (or failed and not yet rolled back).
  bool in_transaction() const;
  // The last error was a serialization failure, a deadlock, or a lost connection.
  bool retryable() const { return retryable_; }
  // Text of a bytea literal parameter: PostgreSQL's hex form, \x....
  static std::string ByteaParam(std::string_view bytes);

  // LISTEN/NOTIFY (pg_change_channel.h): the socket to wait on, the server process's id
  // (a notification from this same session carries it), and the notifications read so far
  // without waiting: (sender pid, payload). Unavailable when the connection broke.
  int socket() const { return PQsocket(connection_.get()); }
  int backend_pid() const { return PQbackendPID(connection_.get()); }
  struct Notification {
    int sender_pid = 0;
    std::string payload;
  };
  Result<std::vector<Notification>> TakeNotifications();

 private:
  explicit Connection(std::unique_ptr<PGconn, PgConnDeleter> connection)
      : connection_(std::move(connection)) {}
  Error ErrorFrom(const PGresult* result, std::string_view what);

  std::unique_ptr<PGconn, PgConnDeleter> connection_;
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  bool retryable_ = false;
};

}  // namespace warta::storage::postgres
