// POST /api/v1/auth/password {"current_password", "new_password"} (JSON or form): the
// logged-in reader changes their password. 204 (forms: 303 to /account?changed=1); every
// other session of the account ends, this browser's stays.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "web/api/auth_replies.h"
#include "web/handlers.h"
#include "web/request/reader.h"

namespace warta::web {
namespace {

constexpr std::string_view kAccountPage = "/account";

struct PasswordChange {
  std::string current_password;
  std::string new_password;
};

// nullopt when the body is not a JSON object or form with both fields as strings.
std::optional<PasswordChange> ReadPasswordChange(const Request& request) {
  if (IsFormPost(request)) {
    auto current = FormField(request.body, "current_password");
    auto fresh = FormField(request.body, "new_password");
    if (!current || !fresh) return std::nullopt;
    return PasswordChange{std::move(*current), std::move(*fresh)};
  }
  nlohmann::json body = nlohmann::json::parse(request.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object()) return std::nullopt;
  auto current = body.find("current_password");
  auto fresh = body.find("new_password");
  if (current == body.end() || fresh == body.end() || !current->is_string() ||
      !fresh->is_string()) {
    return std::nullopt;
  }
  return PasswordChange{current->get<std::string>(), fresh->get<std::string>()};
}

// The wrong-password and rules cases get their own codes and messages (the login ones talk
// about user names); throttling and failures are answered as for logins.
Response ChangeFailed(Context& context, const Request& request, const Error& error) {
  const bool wrong = error.code == ErrorCode::kPermissionDenied;
  const bool weak = error.code == ErrorCode::kInvalidArgument || error.code == ErrorCode::kTooLarge;
  if (IsFormPost(request) && (wrong || weak)) {
    return BackToForm(request, kAccountPage, wrong ? "wrong_password" : "weak_password");
  }
  // 403, not 401: the session is valid; the proof of knowing the password is not.
  if (wrong) return ActionError(context, request, 403, "the current password is wrong");
  return AccountError(context, request, error, kAccountPage);
}

}  // namespace

Response ApiChangePassword(Context& context, const Request& request, const RouteParams& /*params*/,
                           const Reader& reader) {
  if (!reader.session) {
    if (IsFormPost(request)) {
      Response response = http::RedirectResponse(303, "/login?next=%2Faccount");
      response.SetHeader("Cache-Control", "no-store");
      return response;
    }
    return ActionError(context, request, 401, "log in first to change your password");
  }
  auto change = ReadPasswordChange(request);
  if (!change) {
    if (IsFormPost(request)) return BackToForm(request, kAccountPage, "invalid");
    return ActionError(
        context, request, 400,
        "expected a JSON object {\"current_password\": \"…\", \"new_password\": \"…\"}");
  }
  auto changed = context.readers.accounts.ChangePassword(*reader.session, change->current_password,
                                                         change->new_password);
  if (!changed.ok()) return ChangeFailed(context, request, changed.error());
  Response response;
  if (IsFormPost(request)) {
    response = http::RedirectResponse(303, std::string(kAccountPage) + "?changed=1");
  } else {
    response.status = 204;
    response.content_type.clear();
  }
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace warta::web
