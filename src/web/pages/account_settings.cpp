// GET /account: the logged-in reader's account page (their name and the change-password
// form, which posts to POST /api/v1/auth/password and comes back here with ?changed=1 or
// ?error=CODE). Logged out: 303 to the login form, which returns here.
#include <array>
#include <string>
#include <string_view>
#include <utility>

#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/request/reader.h"

namespace warta::web {
namespace {

// ?error= codes (api_password.cpp, auth_replies.cpp) and their catalog keys; anything else
// shows nothing.
constexpr std::array<std::pair<std::string_view, const char*>, 5> kErrors = {{
    {"wrong_password", "password_error_wrong"},
    {"weak_password", "password_error_weak"},
    {"rate_limited", "account_error_rate_limited"},
    {"invalid", "account_error_failed"},
    {"failed", "account_error_failed"},
}};

}  // namespace

Response AccountPage(Context& context, const Request& request) {
  Reader reader = IdentifyReader(context, request, context.clock.NowUnix());
  Response response;
  if (!reader.session) {
    response = http::RedirectResponse(303, "/login?next=%2Faccount");
  } else {
    const Site& site = SiteFor(context, request);
    const std::string title = site.T("account_title");
    view::Data data = site.PageData(title, "/account", "", reader.csrf_token);
    data.set("noindex", true);
    data.set("heading", title);
    data.set("user_name", reader.session->user.name);
    data.set("changed", request.QueryParam("changed") == "1");
    const std::string code = request.QueryParam("error");
    for (const auto& [name, key] : kErrors) {
      if (code == name) data.set("error", site.T(key));
    }
    auto html = site.templates().Render("account_settings", data);
    if (!html.ok()) return ErrorPage(context, request, 500);
    response.body = std::move(html).value();
    MarkLocalized(response, site);
  }
  response.SetHeader("Cache-Control", "no-store");
  if (!reader.visitor.set_cookie.empty()) {
    response.headers.emplace_back("Set-Cookie", reader.visitor.set_cookie);
  }
  return response;
}

}  // namespace warta::web
