// GET /login and GET /register: the account forms, for readers without JavaScript and for
// everyone else. They post to the JSON API's routes, which answer form posts with redirects:
// back here with ?error=CODE when something was wrong (post/redirect/get).
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/request/reader.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

// ?error= codes (auth_replies.cpp) and their catalog keys; anything else shows nothing.
constexpr std::array<std::pair<std::string_view, const char*>, 6> kErrors = {{
    {"bad_credentials", "account_error_bad_credentials"},
    {"taken", "account_error_taken"},
    {"invalid", "account_error_invalid"},
    {"rate_limited", "account_error_rate_limited"},
    {"closed", "account_error_closed"},
    {"failed", "account_error_failed"},
}};

struct FormPage {
  const char* path;
  const char* title_key;
  const char* submit_key;
  const char* action;
  const char* password_autocomplete;
  bool show_rules;
  const char* alt_text_key;
  const char* alt_url;
};

constexpr FormPage kLogin = {
    "/login",           "login_title", "login_submit",      "/api/v1/auth/login",
    "current-password", false,         "login_to_register", "/register"};
constexpr FormPage kRegister = {
    "/register", "register_title",    "register_submit", "/api/v1/auth/register", "new-password",
    true,        "register_to_login", "/login"};

Response RenderFormPage(Context& context, const Request& request, const FormPage& form) {
  const Site& site = SiteFor(context, request);
  Reader reader = IdentifyReader(context, request, context.clock.NowUnix());
  const std::string title = site.T(form.title_key);
  view::Data data = site.PageData(title, form.path, "", reader.csrf_token);
  data.set("heading", title);
  data.set("action", form.action);
  data.set("submit_label", site.T(form.submit_key));
  data.set("password_autocomplete", form.password_autocomplete);
  data.set("show_rules", form.show_rules);
  const std::string next = LocalRedirectTarget(request.QueryParam("next"));
  data.set("next", next);
  data.set("alt_text", site.T(form.alt_text_key));
  data.set("alt_url", next == "/" ? std::string(form.alt_url)
                                  : std::string(form.alt_url) + "?next=" + PercentEncode(next));
  const std::string code = request.QueryParam("error");
  for (const auto& [name, key] : kErrors) {
    if (code == name) data.set("error", site.T(key));
  }
  if (reader.session) data.set("user_name", reader.session->user.name);
  auto html = site.templates().Render("account", data);
  if (!html.ok()) return ErrorPage(context, request, 500);
  Response response;
  response.body = std::move(html).value();
  response.SetHeader("Cache-Control", "no-store");
  MarkLocalized(response, site);
  if (!reader.visitor.set_cookie.empty())
    response.SetHeader("Set-Cookie", reader.visitor.set_cookie);
  return response;
}

}  // namespace

Response LoginPage(Context& context, const Request& request) {
  return RenderFormPage(context, request, kLogin);
}

Response RegisterPage(Context& context, const Request& request) {
  return RenderFormPage(context, request, kRegister);
}

}  // namespace warta::web
