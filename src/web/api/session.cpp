// GET /api/v1/session: who the reader is and the CSRF token their calls must carry.
#include "web/handlers.h"
#include "web/request/reader.h"

namespace warta::web {

Response ApiSession(Context& context, const Request& request) {
  Reader reader = IdentifyReader(context, request, context.clock.NowUnix());
  Response response = http::JsonResponse(200, SessionJson(reader));
  response.SetHeader("Cache-Control", "no-store");
  // The token is bound to the visitor cookie: an API client without one gets it here.
  if (!reader.visitor.set_cookie.empty()) {
    response.headers.emplace_back("Set-Cookie", reader.visitor.set_cookie);
  }
  return response;
}

}  // namespace warta::web
