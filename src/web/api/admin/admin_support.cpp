#include "web/api/admin/admin_support.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <charconv>

#include "core/ascii.h"
#include "core/limits.h"
#include "core/rfc3339.h"
#include "core/utf8.h"
#include "storage/audit_store.h"
#include "web/context.h"
#include "web/error_status.h"

namespace warta::web::admin_api {
namespace {

// Audit summaries are one line for people; the log takes at most 2,000 bytes.
constexpr std::size_t kMaxSummaryBytes = 500;

// "article: 'title' is longer…" -> "is longer…" when the message quotes the field; else the
// message without its module prefix.
std::string ReasonOf(const std::string& message, const std::string& field) {
  const std::string quoted = "'" + field + "' ";
  if (std::size_t at = message.find(quoted); at != std::string::npos) {
    return message.substr(at + quoted.size());
  }
  if (std::size_t colon = message.find(": "); colon != std::string::npos) {
    return message.substr(colon + 2);
  }
  return message;
}

std::size_t CharCount(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) utf8::Next(text, i);
  return count;
}

bool IsJsonContentType(std::string_view type) {
  type = ascii::Trim(type.substr(0, type.find(';')));
  if (ascii::EqualsIgnoreCase(type, "application/json")) return true;
  return ascii::StartsWithIgnoreCase(type, "application/") && type.size() > 5 &&
         ascii::EqualsIgnoreCase(type.substr(type.size() - 5), "+json");
}

std::optional<std::int64_t> ParseNumber(std::string_view text) {
  if (text.empty() || text.size() > limits::kMaxIdDigits) return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0) return std::nullopt;
  return value;
}

}  // namespace

http::Response JsonReply(int status, const Json& body) {
  http::Response response =
      http::JsonResponse(status, body.dump(-1, ' ', false, Json::error_handler_t::replace));
  response.SetHeader("Cache-Control", "private, no-store");
  return response;
}

http::Response ErrorReply(int status, const std::string& message,
                          const std::vector<FieldError>& fields) {
  Json body = {{"error", message}};
  if (!fields.empty()) {
    body["field"] = fields.front().field;
    body["key"] = fields.front().key;
    Json list = Json::array();
    for (const FieldError& f : fields) {
      list.push_back({{"field", f.field}, {"reason", f.reason}, {"key", f.key}});
    }
    body["fields"] = std::move(list);
  }
  return JsonReply(status, body);
}

http::Response FieldsReply(const std::string& what, const std::vector<FieldError>& fields) {
  const FieldError& first = fields.front();
  const int status = first.code == ErrorCode::kTooLarge        ? 413
                     : first.code == ErrorCode::kAlreadyExists ? 409
                                                               : 400;
  return ErrorReply(status, what + ": '" + first.field + "' " + first.reason, fields);
}

http::Response ErrorReply(const Error& error) {
  const int status = HttpStatusFor(error.code);
  if (status >= 500) {
    spdlog::error("web: admin API: {}", error.ToString());
    return ErrorReply(status, status == 503 ? "the server is busy; try again"
                                            : "the change could not be made; try again");
  }
  std::vector<FieldError> fields;
  constexpr std::string_view kMarker = "_error_";
  if (std::size_t at = error.user_key.find(kMarker); at != std::string::npos) {
    std::string field = error.user_key.substr(at + kMarker.size());
    if (field != "forbidden") {
      fields.push_back({field, ReasonOf(error.message, field), error.user_key, error.code});
    }
  }
  return ErrorReply(status, error.message, fields);
}

JsonBody ReadJsonObject(const http::Request& request) {
  JsonBody out;
  if (!IsJsonContentType(request.Header("content-type"))) {
    out.refusal = ErrorReply(415, "send the body as JSON (Content-Type: application/json)");
    return out;
  }
  if (request.body.size() > limits::kMaxAdminJsonBytes) {
    out.refusal = ErrorReply(413, "the body is larger than " +
                                      std::to_string(limits::kMaxAdminJsonBytes / 1024) + " KB");
    return out;
  }
  out.object = Json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (!out.object.is_object()) {
    out.refusal = ErrorReply(400, "the body is not a JSON object");
  }
  return out;
}

const Json* Fields::Find(const char* name) const {
  auto it = object_.find(name);
  if (it == object_.end() || it->is_null()) return nullptr;
  return &*it;
}

void Fields::Problem(std::string field, std::string reason, ErrorCode code) {
  std::string key = key_prefix_ + field;
  problems_.push_back({std::move(field), std::move(reason), std::move(key), code});
}

std::optional<std::string> Fields::String(const char* name) {
  const Json* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    Problem(name, "must be a string");
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<std::int64_t> Fields::Int(const char* name) {
  const Json* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number_integer()) {
    Problem(name, "must be a whole number");
    return std::nullopt;
  }
  return value->get<std::int64_t>();
}

std::optional<bool> Fields::Bool(const char* name) {
  const Json* value = Find(name);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    Problem(name, "must be true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<std::vector<std::string>> Fields::Strings(const char* name) {
  const Json* value = Find(name);
  if (value == nullptr) return std::nullopt;
  std::vector<std::string> out;
  bool ok = value->is_array();
  if (ok) {
    for (const Json& item : *value) {
      if (!item.is_string()) {
        ok = false;
        break;
      }
      out.push_back(item.get<std::string>());
    }
  }
  if (!ok) {
    Problem(name, "must be a list of strings");
    return std::nullopt;
  }
  return out;
}

std::optional<std::int64_t> Fields::Time(const char* name) {
  std::optional<std::string> text = String(name);
  if (!text) return std::nullopt;
  if (text->empty()) return 0;
  auto parsed = ParseRfc3339(*text);
  if (!parsed.ok()) {
    Problem(name, "is not an RFC 3339 time (2026-05-01T09:00:00+07:00)");
    return std::nullopt;
  }
  return *parsed;
}

std::optional<std::string> Fields::Text(const char* name, std::size_t max_chars, bool required) {
  std::optional<std::string> text = String(name);
  if (!text) {
    if (required && Find(name) == nullptr) Problem(name, "is required");
    return std::nullopt;
  }
  std::string trimmed(ascii::Trim(*text));
  if (!utf8::IsValid(trimmed)) {
    Problem(name, "is not valid UTF-8");
    return std::nullopt;
  }
  if (required && trimmed.empty()) {
    Problem(name, "is required");
    return std::nullopt;
  }
  if (CharCount(trimmed) > max_chars) {
    Problem(name, "is longer than " + std::to_string(max_chars) + " characters",
            ErrorCode::kTooLarge);
    return std::nullopt;
  }
  return trimmed;
}

http::Response Fields::Refusal() const {
  std::string what = key_prefix_.substr(0, key_prefix_.find("_error_"));
  return FieldsReply(what, problems_);
}

ListParams ReadLimit(const http::Request& request, int fallback, int max) {
  ListParams out;
  out.limit = fallback;
  if (const std::string text = request.QueryParam("limit"); !text.empty()) {
    auto value = ParseNumber(text);
    if (!value || *value < 1 || *value > max) {
      out.refusal = ErrorReply(400, "'limit' must be 1.." + std::to_string(max));
      return out;
    }
    out.limit = static_cast<int>(*value);
  }
  return out;
}

ListParams ReadLimitAndIdCursor(const http::Request& request, int fallback, int max) {
  ListParams out = ReadLimit(request, fallback, max);
  if (out.refusal) return out;
  if (const std::string text = request.QueryParam("cursor"); !text.empty()) {
    auto parsed = ParseCursor1(text);
    if (!parsed) {
      out.refusal = ErrorReply(400, "'cursor' is not one this API gave");
      return out;
    }
    out.cursor = *parsed;
  }
  return out;
}

std::optional<std::int64_t> IdParam(const http::RouteParams& params, std::string_view name) {
  return ParseId(params.Get(name));
}

std::string Cursor(std::int64_t a, std::int64_t b) {
  return std::to_string(a) + "." + std::to_string(b);
}

std::string Cursor(std::int64_t a) { return std::to_string(a); }

std::optional<std::pair<std::int64_t, std::int64_t>> ParseCursor2(std::string_view text) {
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return std::nullopt;
  auto a = ParseNumber(text.substr(0, dot));
  auto b = ParseNumber(text.substr(dot + 1));
  if (!a || !b) return std::nullopt;
  return std::pair(*a, *b);
}

std::optional<std::int64_t> ParseCursor1(std::string_view text) { return ParseNumber(text); }

bool IsSlug(std::string_view slug, std::size_t max_bytes) {
  if (slug.empty() || slug.size() > max_bytes || slug.front() == '-' || slug.back() == '-') {
    return false;
  }
  return std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || ascii::IsDigit(c) || c == '-';
  });
}

Json TimeJson(std::int64_t unix_seconds) {
  if (unix_seconds == 0) return nullptr;
  return FormatRfc3339Utc(unix_seconds);
}

model::AuditEntry Audit(const Context& context, const Staff& staff, std::string action,
                        std::string target_type, std::int64_t target_id, std::string summary) {
  summary.resize(utf8::CutPoint(summary, kMaxSummaryBytes));
  model::AuditEntry entry;
  entry.created_at = context.clock.NowUnix();
  entry.user_id = staff.principal.user_id;
  entry.action = std::move(action);
  entry.target_type = std::move(target_type);
  entry.target_id = target_id;
  entry.summary = std::move(summary);
  return entry;
}

void AppendAudit(Context& context, const model::AuditEntry& entry) {
  if (auto appended = context.store.audit().Append(entry); !appended.ok()) {
    spdlog::error("web: audit entry {} {} {} not written: {}", entry.action, entry.target_type,
                  entry.target_id, appended.error().ToString());
  }
}

http::Response NoNewsroom() {
  return ErrorReply(503, "the newsroom is not running on this server");
}

}  // namespace warta::web::admin_api
