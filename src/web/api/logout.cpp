// POST /api/v1/auth/logout: ends the session; 204 (forms: 303 to "/" or `next`).
#include <spdlog/spdlog.h>

#include "web/handlers.h"
#include "web/request/reader.h"
#include "web/request/url.h"

namespace warta::web {

Response ApiLogout(Context& context, const Request& request, const RouteParams& /*params*/,
                   const Reader& /*reader*/) {
  auto ended = context.readers.sessions.End(request.Cookie(auth::kSessionCookie));
  if (!ended.ok()) {
    spdlog::error("web: logout failed: {}", ended.error().ToString());
    return ActionError(context, request, 500, "could not log out; try again");
  }
  Response response;
  if (IsFormPost(request)) {
    response = http::RedirectResponse(
        303, LocalRedirectTarget(FormField(request.body, "next").value_or("/")));
  } else {
    response.status = 204;
    response.content_type.clear();
  }
  response.headers.emplace_back("Set-Cookie", context.readers.sessions.ClearCookie(request.secure));
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace warta::web
