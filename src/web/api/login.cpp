// POST /api/v1/auth/login {"username", "password"} (JSON or form): 200 and a session cookie.
#include "web/api/auth_replies.h"
#include "web/handlers.h"
#include "web/request/known_device.h"
#include "web/request/reader.h"

namespace warta::web {

Response ApiLogin(Context& context, const Request& request, const RouteParams& /*params*/,
                  const Reader& reader) {
  auto credentials = ReadCredentials(request);
  if (!credentials) {
    if (IsFormPost(request)) return BackToForm(request, "/login", "invalid");
    return ActionError(context, request, 400,
                       "expected a JSON object {\"username\": \"…\", \"password\": \"…\"}");
  }
  const std::int64_t now = context.clock.NowUnix();
  auto started = context.readers.accounts.Login(credentials->username, credentials->password,
                                                request.remote_address, now,
                                                KnownDeviceUser(context, request));
  if (!started.ok()) return AccountError(context, request, started.error(), "/login");
  if (reader.session) {
    // Logging in again (perhaps as someone else) replaces the session this browser had.
    (void)context.readers.sessions.End(request.Cookie(auth::kSessionCookie));
  }
  Response response = SessionStarted(context, request, *started, 200, credentials->next);
  // Renewed on every login, so the owner's browser stays a known device (finding 3).
  response.headers.emplace_back("Set-Cookie",
                                KnownDeviceCookie(context, request, started->session.user.id));
  return response;
}

}  // namespace warta::web
