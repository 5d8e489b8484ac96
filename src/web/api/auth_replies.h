// What the login, register and logout actions share: reading credentials from JSON or a
// form, and answering with a session (cookie + JSON, or a redirect for forms).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "auth/sessions.h"
#include "core/result.h"
#include "http/message.h"
#include "web/context.h"

namespace warta::web {

struct Credentials {
  std::string username;
  std::string password;
  std::string next;  // forms only: where to go afterwards (a local path), may be empty
};

// From a JSON object {"username", "password"} or an urlencoded form with the same fields.
// nullopt when the body is not one of those or a field is missing or not a string.
std::optional<Credentials> ReadCredentials(const http::Request& request);

// The reply to a successful login or registration: the session cookie and
// {"user": {"name", "role"}, "csrf_token"} (the token for the new session), or for a form
// post a 303 to `next` when it is a local path, else to "/".
http::Response SessionStarted(const Context& context, const http::Request& request,
                              const auth::SessionManager::Started& started, int status,
                              const std::string& next);

// 400 rules, 401 bad credentials, 409 name taken, 429 throttled, 500 otherwise. A form post
// is sent back to form_page ("/login", "/register") with ?error=CODE (and ?next=).
http::Response AccountError(const Context& context, const http::Request& request,
                            const Error& error, std::string_view form_page);

// A form post's way back to its page with an error code: 303 to
// form_page?error=CODE[&next=...].
http::Response BackToForm(const http::Request& request, std::string_view form_page,
                          std::string_view code);

}  // namespace warta::web
