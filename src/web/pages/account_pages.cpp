// GET /login and GET /register: the account forms, for readers without JavaScript and for
// everyone else. They post to the JSON API's routes, which answer form posts with redirects:
// back here with ?error=CODE when something was wrong (post/redirect/get).
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "auth/sessions.h"
#include "web/handlers.h"
#include "web/pages/front_page.h"
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

// The catalog key of an ?error= code, or null (unknown codes show nothing).
const char* ErrorKey(std::string_view code) {
  for (const auto& [name, key] : kErrors) {
    if (code == name) return key;
  }
  return nullptr;
}

// The form in `site`'s language with `csrf_token` (the token, or its hole's marker);
// user_name is the logged-in reader's, "" for everyone else.
Result<std::string> RenderForm(const Site& site, const FormPage& form, const std::string& next,
                               const char* error_key, const std::string& csrf_token,
                               const std::string& user_name) {
  const std::string& title = site.T(form.title_key);
  view::Data data = site.PageData(title, form.path, "", csrf_token);
  data.set("heading", title);
  data.set("action", form.action);
  data.set("submit_label", site.T(form.submit_key));
  data.set("password_autocomplete", form.password_autocomplete);
  data.set("show_rules", form.show_rules);
  data.set("next", next);
  data.set("alt_text", site.T(form.alt_text_key));
  data.set("alt_url", next == "/" ? std::string(form.alt_url)
                                  : std::string(form.alt_url) + "?next=" + PercentEncode(next));
  if (error_key != nullptr) data.set("error", site.T(error_key));
  if (!user_name.empty()) data.set("user_name", user_name);
  return site.templates().Render("account", data);
}

Response RenderFormPage(Context& context, const Request& request, const FormPage& form) {
  const Site& site = SiteFor(context, request);
  const std::int64_t now = context.clock.NowUnix();
  const std::string next = LocalRedirectTarget(request.QueryParam("next"));
  const char* error_key = ErrorKey(request.QueryParam("error"));
  if (next == "/" && request.Cookie(auth::kSessionCookie).empty()) {
    // The form as nearly everyone gets it (no session, no page to go back to) is the same for
    // all but the CSRF token: kept like the front page, so a stream of requests for /login
    // costs a token each, not a render (160 us of CPU each before).
    const std::string key = std::string(form.path) + "|" + (error_key ? error_key : "");
    Response response = ServeCachedPage(context, request, site, key, now, [&] {
      auto html = RenderForm(site, form, next, error_key, SlotMarker(Slot::kCsrfToken), "");
      if (!html.ok()) return Result<RenderedPage>(html.error());
      RenderedPage rendered;
      rendered.page = SplicedPage::FromRendered(html.value());
      return Result<RenderedPage>(std::move(rendered));
    });
    response.SetHeader("Cache-Control", "no-store");
    return response;
  }
  Reader reader = IdentifyReader(context, request, now);
  auto html = RenderForm(site, form, next, error_key, reader.csrf_token,
                         reader.session ? reader.session->user.name : std::string());
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
