// What the Admin API's handlers share (docs/api.md "Admin API"): reading a JSON body and its
// typed fields, answering in JSON, mapping the services' errors to statuses, keyset cursors,
// times and audit entries. Internal to src/web/api/admin/.
//
// Errors are always JSON {"error": "…"} with a 4xx status (5xx only when the server fails);
// a bad field also names itself: {"error", "field", "key", "fields": [{"field", "reason",
// "key"}, …]} where key is the message-catalog key the /admin pages show next to the field.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"
#include "http/message.h"
#include "http/router/router.h"
#include "model/newsroom.h"
#include "web/request/staff.h"

namespace warta::web::admin_api {

using Json = nlohmann::json;

// One bad field: its name, why, and the message key of that reason.
struct FieldError {
  std::string field;
  std::string reason;
  std::string key;
  ErrorCode code = ErrorCode::kInvalidArgument;  // kTooLarge 413, kAlreadyExists 409
};

// `body` as JSON with `status` (invalid UTF-8 in stored text is replaced, never thrown).
http::Response JsonReply(int status, const Json& body);

// {"error": message}, with the fields when there are any (the first is "field" and "key").
http::Response ErrorReply(int status, const std::string& message,
                          const std::vector<FieldError>& fields = {});
// 400 naming every field (413 when the first is a size problem, 409 when it is taken
// already: a slug, a feed URL); precondition: not empty.
http::Response FieldsReply(const std::string& what, const std::vector<FieldError>& fields);

// A service's or store's error as the API answers it: InvalidArgument 400, TooLarge 413,
// PermissionDenied 403, NotFound 404, AlreadyExists 409, Unavailable and Timeout 503;
// anything else 500 with a generic message (the cause is logged). A key of the form
// "<thing>_error_<field>" names the field.
http::Response ErrorReply(const Error& error);

// The request body as a JSON object, or the refusal: 415 unless Content-Type is
// application/json (or another +json type), 413 over limits::kMaxAdminJsonBytes, 400 when
// the body is not one JSON object.
struct JsonBody {
  Json object;
  std::optional<http::Response> refusal;
};
JsonBody ReadJsonObject(const http::Request& request);

// Typed fields of a JSON object. Absent and null read as nullopt; unknown fields are
// ignored; a value of the wrong type is a problem ("must be a string") and reads as nullopt,
// so one pass collects every bad field.
class Fields {
 public:
  explicit Fields(const Json& object, std::string key_prefix)
      : object_(object), key_prefix_(std::move(key_prefix)) {}

  std::optional<std::string> String(const char* name);
  std::optional<std::int64_t> Int(const char* name);
  std::optional<bool> Bool(const char* name);
  std::optional<std::vector<std::string>> Strings(const char* name);
  // An RFC 3339 time as unix seconds; "" reads as 0 (none).
  std::optional<std::int64_t> Time(const char* name);
  // A string of 1..max_chars characters (trimmed) when required, 0..max_chars otherwise.
  std::optional<std::string> Text(const char* name, std::size_t max_chars, bool required);

  void Problem(std::string field, std::string reason, ErrorCode code = ErrorCode::kInvalidArgument);
  bool ok() const { return problems_.empty(); }
  const std::vector<FieldError>& problems() const { return problems_; }
  // 400 (or 413) naming every problem (precondition: !ok()).
  http::Response Refusal() const;

 private:
  const Json* Find(const char* name) const;

  const Json& object_;
  std::string key_prefix_;  // "section_error_": the key of a field's message
  std::vector<FieldError> problems_;
};

// A list's query parameters, or the 400 that names the one that is wrong.
// `limit`: 1..max (absent: fallback). `cursor` (ReadIdCursor): a row id this API gave as a
// list's "next" (absent: 0, the list's start).
struct ListParams {
  int limit = 0;
  std::int64_t cursor = 0;
  std::optional<http::Response> refusal;
};
ListParams ReadLimit(const http::Request& request, int fallback, int max);
ListParams ReadLimitAndIdCursor(const http::Request& request, int fallback, int max);

// A route parameter that is a row id; nullopt otherwise (the handler answers 404).
std::optional<std::int64_t> IdParam(const http::RouteParams& params, std::string_view name);

// Keyset cursors, opaque to clients: "<a>.<b>" of two non-negative numbers (one for "<a>").
std::string Cursor(std::int64_t a, std::int64_t b);
std::string Cursor(std::int64_t a);
std::optional<std::pair<std::int64_t, std::int64_t>> ParseCursor2(std::string_view text);
std::optional<std::int64_t> ParseCursor1(std::string_view text);

// {"<name>": the rows as JSON, "next": the last row's id as a cursor when the page is full,
// else null}: one page of a list read by id.
template <typename Row, typename RowJson>
http::Response IdPageReply(const char* name, const std::vector<Row>& rows, int limit,
                           RowJson row_json) {
  Json list = Json::array();
  for (const Row& row : rows) list.push_back(row_json(row));
  const bool more = !rows.empty() && static_cast<int>(rows.size()) == limit;
  return JsonReply(200, {{name, std::move(list)},
                         {"next", more ? Json(Cursor(rows.back().id)) : Json(nullptr)}});
}

// A URL slug as the newsroom writes them: 1..max_bytes of a-z, 0-9 and '-', not starting or
// ending with '-'.
bool IsSlug(std::string_view slug, std::size_t max_bytes);

// RFC 3339 in UTC, or null for 0 (never).
Json TimeJson(std::int64_t unix_seconds);

// An audit entry by the caller now; the summary is cut to fit the log.
model::AuditEntry Audit(const Context& context, const Staff& staff, std::string action,
                        std::string target_type, std::int64_t target_id, std::string summary);

// Appends an entry for a change whose store takes none (storage/audit_store.h); a failure is
// logged: the change itself is made already.
void AppendAudit(Context& context, const model::AuditEntry& entry);

// 503 when the newsroom is not wired (Context::editorial is null).
http::Response NoNewsroom();

}  // namespace warta::web::admin_api
