#include "storage/postgres/pg_connection.h"

#include <cstdio>
#include <cstdlib>

namespace warta::storage::postgres {
namespace {

// libpq messages end with a newline; logs want one line.
std::string OneLine(const char* message) {
  std::string s = message != nullptr ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  for (char& c : s) {
    if (c == '\n') c = ' ';
  }
  return s;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

}  // namespace

Params& Params::AddDouble(double value) {
  // %.17g round-trips every double exactly.
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  values_.emplace_back(std::string(buffer));
  return *this;
}

bool Rows::IsNull(int row, int column) const {
  return PQgetisnull(result_.get(), row, column) != 0;
}

std::int64_t Rows::Int64(int row, int column) const {
  if (IsNull(row, column)) return 0;
  return std::strtoll(PQgetvalue(result_.get(), row, column), nullptr, 10);
}

double Rows::Double(int row, int column) const {
  if (IsNull(row, column)) return 0;
  return std::strtod(PQgetvalue(result_.get(), row, column), nullptr);
}

bool Rows::Bool(int row, int column) const {
  if (IsNull(row, column)) return false;
  const char* v = PQgetvalue(result_.get(), row, column);
  if (v[0] == 't') return true;
  if (v[0] == 'f') return false;
  return std::strtoll(v, nullptr, 10) != 0;
}

std::string Rows::Text(int row, int column) const {
  if (IsNull(row, column)) return {};
  return std::string(PQgetvalue(result_.get(), row, column),
                     static_cast<std::size_t>(PQgetlength(result_.get(), row, column)));
}

std::string Rows::Bytes(int row, int column) const {
  std::string hex = Text(row, column);
  if (hex.size() < 2 || hex[0] != '\\' || hex[1] != 'x') return hex;
  std::string out;
  out.reserve((hex.size() - 2) / 2);
  for (std::size_t i = 2; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(HexValue(hex[i]) * 16 + HexValue(hex[i + 1])));
  }
  return out;
}

std::int64_t Rows::affected() const {
  if (!result_) return 0;
  return std::strtoll(PQcmdTuples(result_.get()), nullptr, 10);
}

std::string Connection::ByteaParam(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "\\x";
  out.reserve(2 + bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url,
                                                     int connect_timeout_seconds) {
  const std::string timeout = std::to_string(connect_timeout_seconds);
  // expand_dbname: `url` may be a URL or a conninfo string; connect_timeout given here wins
  // only where the URL sets none (libpq: a later keyword overrides an earlier one).
  const char* keywords[] = {"connect_timeout", "dbname", "application_name", nullptr};
  const char* values[] = {timeout.c_str(), url.c_str(), "warta", nullptr};
  std::unique_ptr<PGconn, PgConnDeleter> connection(
      PQconnectdbParams(keywords, values, /*expand_dbname=*/1));
  if (!connection) return Error::Unavailable("postgresql: out of memory opening a connection");
  if (PQstatus(connection.get()) != CONNECTION_OK) {
    // libpq's message names host and port, never the password.
    return Error::Unavailable("postgresql: cannot connect: " +
                              OneLine(PQerrorMessage(connection.get())));
  }
  // Times are unix seconds in integer columns; UTC keeps any server-side date math stable.
  // NOTICEs ("relation ... already exists, skipping" from each migration step) would reach
  // stderr through libpq's default notice processor: only warnings and worse do.
  auto self = std::unique_ptr<Connection>(new Connection(std::move(connection)));
  WARTA_RETURN_IF_ERROR(self->Exec("SET TIME ZONE 'UTC'; SET client_min_messages = warning"));
  return self;
}

bool Connection::broken() const { return PQstatus(connection_.get()) != CONNECTION_OK; }

bool Connection::Alive() {
  // The first read takes the server's FATAL message, PQisBusy parses it, and the second read
  // meets the closed socket, which is what turns the status bad.
  for (int i = 0; i < 2; ++i) {
    if (PQconsumeInput(connection_.get()) == 0) return false;
    (void)PQisBusy(connection_.get());
  }
  return !broken();
}

Result<std::vector<Connection::Notification>> Connection::TakeNotifications() {
  std::vector<Notification> out;
  if (PQconsumeInput(connection_.get()) == 0 || broken()) {
    retryable_ = true;
    return MakeError(ErrorCode::kUnavailable,
                     "postgresql: listen: " + OneLine(PQerrorMessage(connection_.get())));
  }
  while (PGnotify* notify = PQnotifies(connection_.get())) {
    out.push_back({notify->be_pid, notify->extra != nullptr ? notify->extra : ""});
    PQfreemem(notify);
  }
  return out;
}

bool Connection::in_transaction() const {
  const auto status = PQtransactionStatus(connection_.get());
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

Error Connection::ErrorFrom(const PGresult* result, std::string_view what) {
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string sqlstate = state != nullptr ? state : "";
  std::string message =
      "postgresql: " + std::string(what) + ": " +
      OneLine(result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection_.get()));
  if (broken() || sqlstate.rfind("08", 0) == 0) {
    retryable_ = true;
    return Error::Unavailable(message);
  }
  retryable_ = sqlstate == "40001" || sqlstate == "40P01";
  if (retryable_) return Error::Unavailable(message);
  if (sqlstate == "23505") return Error::AlreadyExists(message);
  if (sqlstate.rfind("23", 0) == 0 || sqlstate.rfind("22", 0) == 0) {
    return Error::InvalidArgument(message);
  }
  if (sqlstate == "57014") return Error::Timeout(message);
  return Error::Io(message);
}

Result<void> Connection::Exec(std::string_view sql) {
  retryable_ = false;
  std::unique_ptr<PGresult, PgResultDeleter> result(
      PQexec(connection_.get(), std::string(sql).c_str()));
  const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return ErrorFrom(result.get(), "statement failed");
  }
  return Ok();
}

Result<Rows> Connection::Query(std::string_view sql, const Params& params) {
  retryable_ = false;
  std::string key(sql);
  auto it = prepared_.find(key);
  if (it == prepared_.end()) {
    std::string name = "w" + std::to_string(prepared_.size() + 1);
    std::unique_ptr<PGresult, PgResultDeleter> prepared(
        PQprepare(connection_.get(), name.c_str(), key.c_str(), 0, nullptr));
    if (!prepared || PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
      return ErrorFrom(prepared.get(), "prepare failed");
    }
    it = prepared_.emplace(std::move(key), std::move(name)).first;
  }
  const auto& values = params.values();
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& v : values) pointers.push_back(v ? v->c_str() : nullptr);
  std::unique_ptr<PGresult, PgResultDeleter> result(
      PQexecPrepared(connection_.get(), it->second.c_str(), static_cast<int>(pointers.size()),
                     pointers.data(), nullptr, nullptr, 0));
  const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    return ErrorFrom(result.get(), "query failed");
  }
  return Rows(std::move(result));
}

Result<void> Connection::Run(std::string_view sql, const Params& params) {
  auto rows = Query(sql, params);
  if (!rows.ok()) return rows.error();
  return Ok();
}

}  // namespace warta::storage::postgres
