#include "web/api/auth_replies.h"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "web/request/reader.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

// "auth: the password must ..." -> "the password must ...": the module prefix is for logs.
std::string WithoutModule(const std::string& message) {
  std::size_t colon = message.find(": ");
  if (colon != std::string::npos && colon < 12) return message.substr(colon + 2);
  return message;
}

}  // namespace

std::optional<Credentials> ReadCredentials(const http::Request& request) {
  Credentials credentials;
  if (IsFormPost(request)) {
    auto username = FormField(request.body, "username");
    auto password = FormField(request.body, "password");
    if (!username || !password) return std::nullopt;
    credentials.username = std::move(*username);
    credentials.password = std::move(*password);
    credentials.next = FormField(request.body, "next").value_or("");
    return credentials;
  }
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) return std::nullopt;
  auto username = body.find("username");
  auto password = body.find("password");
  if (username == body.end() || password == body.end() || !username->is_string() ||
      !password->is_string()) {
    return std::nullopt;
  }
  credentials.username = username->get<std::string>();
  credentials.password = password->get<std::string>();
  return credentials;
}

http::Response SessionStarted(const Context& context, const http::Request& request,
                              const auth::SessionManager::Started& started, int status,
                              const std::string& next) {
  http::Response response;
  if (IsFormPost(request)) {
    response = http::RedirectResponse(303, LocalRedirectTarget(next));
  } else {
    const auth::SessionUser& user = started.session.user;
    nlohmann::json body = {
        {"user", {{"name", user.name}, {"role", std::string(model::ToText(user.role))}}},
        {"csrf_token", context.csrf.Issue("s:" + started.session.id_hash)}};
    response = http::JsonResponse(status, body.dump());
  }
  response.headers.emplace_back("Set-Cookie",
                                context.readers.sessions.SetCookie(started.token, request.secure));
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

http::Response BackToForm(const http::Request& request, std::string_view form_page,
                          std::string_view code) {
  std::string target = std::string(form_page) + "?error=" + std::string(code);
  const std::string next = LocalRedirectTarget(FormField(request.body, "next").value_or("/"));
  if (next != "/") target += "&next=" + PercentEncode(next);
  http::Response response = http::RedirectResponse(303, target);
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

http::Response AccountError(const Context& context, const http::Request& request,
                            const Error& error, std::string_view form_page) {
  if (IsFormPost(request)) {
    std::string_view code = "failed";
    if (error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kTooLarge) {
      code = "invalid";
    } else if (error.code == ErrorCode::kAlreadyExists) {
      code = "taken";
    } else if (error.code == ErrorCode::kPermissionDenied) {
      code = "bad_credentials";
    } else if (error.code == ErrorCode::kUnavailable && error.user_key == "rate_limited") {
      code = "rate_limited";
    }
    if (code == "failed") spdlog::error("web: account action failed: {}", error.ToString());
    return BackToForm(request, form_page, code);
  }
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kTooLarge:
      return ActionError(context, request, 400, WithoutModule(error.message));
    case ErrorCode::kAlreadyExists:
      return ActionError(context, request, 409, "that user name is taken");
    case ErrorCode::kPermissionDenied:
      return ActionError(context, request, 401, "wrong user name or password");
    case ErrorCode::kUnavailable:
      if (error.user_key == "rate_limited") {
        return ActionError(context, request, 429, "too many attempts; try again in a minute", 60);
      }
      break;
    default:
      break;
  }
  spdlog::error("web: account action failed: {}", error.ToString());
  return ActionError(context, request, 500, "the account could not be updated; try again");
}

}  // namespace warta::web
