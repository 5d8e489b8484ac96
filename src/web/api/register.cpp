// POST /api/v1/auth/register {"username", "password"} (JSON or form): 201, logged in.
#include "web/api/auth_replies.h"
#include "web/handlers.h"
#include "web/request/reader.h"

namespace warta::web {

Response ApiRegister(Context& context, const Request& request, const RouteParams& /*params*/,
                     const Reader& reader) {
  if (!context.readers.registration) {
    if (IsFormPost(request)) return BackToForm(request, "/register", "closed");
    return ActionError(context, request, 403, "this site does not take new accounts");
  }
  auto credentials = ReadCredentials(request);
  if (!credentials) {
    if (IsFormPost(request)) return BackToForm(request, "/register", "invalid");
    return ActionError(context, request, 400,
                       "expected a JSON object {\"username\": \"…\", \"password\": \"…\"}");
  }
  auto started = context.readers.accounts.Register(credentials->username, credentials->password,
                                                   request.remote_address, context.clock.NowUnix());
  if (!started.ok()) return AccountError(context, request, started.error(), "/register");
  if (reader.session) (void)context.readers.sessions.End(request.Cookie(auth::kSessionCookie));
  return SessionStarted(context, request, *started, 201, credentials->next);
}

}  // namespace warta::web
