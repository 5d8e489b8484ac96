// GET /lang?set=xx&next=/path: the language switcher's links. Remembers the reader's choice
// in the warta_lang cookie for a year and sends them back to the page they were on. A GET
// because the links must work without JavaScript or forms and the choice only changes how
// pages read (like a theme); `next` must be a local path, so this is no open redirect.
#include <string>

#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

constexpr int kOneYearSeconds = 365 * 24 * 60 * 60;

}  // namespace

Response LanguageSwitch(Context& context, const Request& request) {
  const std::string locale = OfferedLocale(*context.site, request.QueryParam("set"));
  if (locale.empty()) return ErrorPage(context, request, 400);
  const std::string next = WithoutLangParam(LocalRedirectTarget(request.QueryParam("next")));
  Response response = http::RedirectResponse(303, next.empty() ? "/" : next);
  std::string cookie = std::string(kLangCookie) + "=" + locale +
                       "; Path=/; Max-Age=" + std::to_string(kOneYearSeconds) +
                       "; HttpOnly; SameSite=Lax";
  if (request.secure) cookie += "; Secure";
  response.headers.emplace_back("Set-Cookie", std::move(cookie));
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace warta::web
