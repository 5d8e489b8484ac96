#include "web/request/reader.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "core/ascii.h"
#include "http/multipart.h"
#include "web/handlers.h"

namespace warta::web {
namespace {

constexpr std::string_view kCsrfHeader = "x-csrf-token";
constexpr std::string_view kCsrfField = "csrf_token";

std::string_view StripParameters(std::string_view content_type) {
  std::size_t semicolon = content_type.find(';');
  content_type = content_type.substr(0, semicolon);
  while (!content_type.empty() && content_type.back() == ' ') content_type.remove_suffix(1);
  return content_type;
}

}  // namespace

model::Liker Reader::AsLiker() const {
  if (session) return model::Liker::Account(session->user.id);
  return model::Liker::Visitor(visitor.id.value);
}

// A visitor's token is bound to the key their likes are stored under (IdentifyAnonymousVisitor
// issues it so); a logged-in reader's to the session, so logging out voids it.
std::string Reader::CsrfSubject() const {
  if (session) return "s:" + session->id_hash;
  return model::ToText(AsLiker());
}

Reader IdentifyReader(const Context& context, const http::Request& request, std::int64_t now) {
  Reader reader;
  reader.visitor = IdentifyAnonymousVisitor(context, request, now);
  std::string_view token = request.Cookie(auth::kSessionCookie);
  if (!token.empty()) {
    auto session = context.readers.sessions.Resolve(token, now);
    if (session.ok()) {
      reader.session = std::move(session).value();
    } else {
      spdlog::warn("web: session lookup failed: {}", session.error().ToString());
    }
  }
  if (reader.session) reader.visitor.csrf_token = context.csrf.Issue(reader.CsrfSubject());
  reader.csrf_token = reader.visitor.csrf_token;
  return reader;
}

Visitor IdentifyVisitor(const Context& context, const http::Request& request,
                        std::int64_t now_unix) {
  return IdentifyReader(context, request, now_unix).visitor;
}

std::string SessionJson(const Reader& reader) {
  nlohmann::json user = nullptr;
  if (reader.session) {
    user = {{"name", reader.session->user.name},
            {"role", std::string(model::ToText(reader.session->user.role))}};
  }
  return nlohmann::json{{"user", user}, {"csrf_token", reader.csrf_token}}.dump();
}

bool IsFormPost(const http::Request& request) {
  return ascii::EqualsIgnoreCase(StripParameters(request.Header("content-type")),
                                 "application/x-www-form-urlencoded");
}

std::optional<std::string> FormField(std::string_view body, std::string_view name) {
  while (!body.empty()) {
    std::size_t amp = body.find('&');
    std::string_view pair = body.substr(0, amp);
    std::size_t eq = pair.find('=');
    if (http::PercentDecode(pair.substr(0, eq), true) == name) {
      return eq == std::string_view::npos ? std::string()
                                          : http::PercentDecode(pair.substr(eq + 1), true);
    }
    if (amp == std::string_view::npos) break;
    body.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

http::Response ActionError(const Context& context, const http::Request& request, int status,
                           const std::string& message, int retry_after_seconds) {
  http::Response response =
      IsFormPost(request) ? ErrorPage(context, request, status) : ApiError(status, message);
  if (status == 429 && retry_after_seconds > 0) {
    response.SetHeader("Retry-After", std::to_string(retry_after_seconds));
  }
  return response;
}

http::Response ArticleActionError(const Context& context, const http::Request& request,
                                  std::int64_t id, const Error& error, const std::string& message) {
  if (error.code == ErrorCode::kNotFound) {
    return ActionError(context, request, 404, "no article with id " + std::to_string(id));
  }
  spdlog::error("web: {} {}: article {}: {}", http::MethodName(request.method), request.path, id,
                error.ToString());
  return ActionError(context, request, 503, message);
}

std::optional<std::string> CsrfRefusal(const Context& context, const http::Request& request,
                                       const Reader& reader) {
  std::string token(request.Header(kCsrfHeader));
  if (token.empty() && IsFormPost(request)) {
    token = FormField(request.body, kCsrfField).value_or("");
  }
  // A plain upload form (the picture library without JavaScript) carries it as a part.
  if (token.empty()) {
    if (auto boundary = http::MultipartBoundary(request.Header("content-type")); boundary.ok()) {
      if (auto parts = http::ParseMultipart(request.body, *boundary); parts.ok()) {
        if (const http::MultipartPart* part = http::FindPart(*parts, kCsrfField)) {
          token = std::string(part->body);
        }
      }
    }
  }
  if (token.empty()) {
    // A form with a file (the admin's uploads and editor) sends its fields as multipart.
    auto boundary = http::MultipartBoundary(request.Header("content-type"));
    // As many parts as the largest such form has (web/admin/form.cpp).
    http::MultipartLimits limits;
    limits.max_parts = 64;
    auto parts = boundary.ok() ? http::ParseMultipart(request.body, *boundary, limits)
                               : Result<std::vector<http::MultipartPart>>(boundary.error());
    if (parts.ok()) {
      if (const http::MultipartPart* part = http::FindPart(*parts, kCsrfField)) {
        token = std::string(part->body);
      }
    }
  }
  if (token.empty()) {
    return "missing CSRF token: send the X-CSRF-Token header (from GET /api/v1/session or the "
           "page's csrf-token meta tag) or the csrf_token form field";
  }
  // A visitor's first page was answered before their cookie existed: its token is bound to
  // their address hash, which this request's address and agent still give.
  const bool first_page_token =
      !reader.session && reader.visitor.id.from_cookie &&
      context.csrf.Verify(model::ToText(model::Liker::Visitor(reader.visitor.id.address)), token);
  if (!first_page_token && !context.csrf.Verify(reader.CsrfSubject(), token)) {
    return "invalid or expired CSRF token: fetch a new one from GET /api/v1/session and retry";
  }
  return std::nullopt;
}

http::Response RunAction(Context& context, const http::Request& request,
                         const http::RouteParams& params, ActionHandler handler) {
  Reader reader = IdentifyReader(context, request, context.clock.NowUnix());
  http::Response response;
  if (auto refusal = CsrfRefusal(context, request, reader)) {
    response = ActionError(context, request, 403, *refusal);
  } else {
    response = handler(context, request, params, reader);
  }
  if (!reader.visitor.set_cookie.empty()) {
    response.headers.emplace_back("Set-Cookie", reader.visitor.set_cookie);
  }
  return response;
}

}  // namespace warta::web
