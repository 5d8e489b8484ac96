// The newsroom's callers: who may use /admin and /api/v1/admin/ (docs/api.md "Admin API";
// docs/decisions/0009-newsroom.md "Admin auth").
//
// A caller is staff when it presents `Authorization: Bearer TOKEN` (auth/api_tokens.h; no
// CSRF token needed: a browser never sends it on its own) or a session cookie of an account.
// Every route names the least role it needs; RunAdmin answers before the handler runs:
//   no credentials      API: 401 JSON (WWW-Authenticate: Bearer); page: 303 to /login?next=
//   a bad Bearer token  401 JSON, also for pages (a script, not a person)
//   role too low        403 (JSON for the API, the localized error page for pages)
//   session + a method other than GET/HEAD without a valid CSRF token: 403
// Handlers still check ownership (an author edits only their own drafts: newsroom/rules.h).
//
// Thread safety: plain functions of the request; the stores they read are thread-safe.
#pragma once

#include <optional>
#include <string>

#include "http/message.h"
#include "http/router/router.h"
#include "model/role.h"
#include "newsroom/rules.h"
#include "web/context.h"
#include "web/request/reader.h"

namespace warta::web {

struct Staff {
  newsroom::Principal principal;  // the account: id, name, role
  bool via_token = false;         // Bearer: no session, no CSRF token
  Reader reader;                  // the browser side (CSRF token for forms); empty via a token
};

// Where a route answers: JSON API or HTML pages (decides 401 vs a login redirect, and the
// error format).
enum class AdminSurface { kApi, kPage };

using AdminHandler = http::Response (*)(Context&, const http::Request&, const http::RouteParams&,
                                        const Staff&);

// Resolves the caller, applies the rules above with `least` as the role the route needs
// (auth::HasRole), then runs the handler.
http::Response RunAdmin(Context& context, const http::Request& request,
                        const http::RouteParams& params, model::Role least, AdminSurface surface,
                        AdminHandler handler);

// The caller as staff without any role check (nullopt: anonymous or a bad token); for pages
// that show staff links to whoever may follow them (the site header).
std::optional<Staff> IdentifyStaff(Context& context, const http::Request& request);

}  // namespace warta::web
