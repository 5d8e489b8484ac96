// One-time account links an admin hands out (auth/account_links.h):
//   GET/POST /undangan/{token}  accept an invitation: choose a name and a password; the new
//                               account has the invitation's role and is logged in
//   GET/POST /reset/{token}     set a new password; every session of the account ends
// Plain forms with the CSRF token (they work without JavaScript). A link works once and
// until it expires: every other token (unknown, used, expired, malformed) gets one 404 page
// that says so, so a guess learns nothing. The form's input is checked before the link is
// spent (AccountLinkStore::Use, a conditional update: of two tabs, one wins).
#include "auth/account_links.h"
#include "auth/password.h"
#include "auth/username.h"
#include "storage/account_link_store.h"
#include "web/api/auth_replies.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/request/reader.h"

namespace warta::web {
namespace {

using model::AccountLinkKind;

// The usable link of `kind` behind the path's token, or nullopt.
std::optional<model::AccountLink> UsableLink(Context& context, std::string_view token,
                                             AccountLinkKind kind, bool& failed) {
  failed = false;
  if (!auth::LooksLikeLinkToken(token)) return std::nullopt;
  auto link =
      context.store.account_links().FindUsable(auth::HashLinkToken(token), context.clock.NowUnix());
  if (!link.ok()) {
    failed = true;
    return std::nullopt;
  }
  if (!link->has_value() || (*link)->kind != kind) return std::nullopt;
  return **link;
}

Response LinkForm(Context& context, const Request& request, AccountLinkKind kind,
                  const model::AccountLink& link, const std::string& csrf_token) {
  const Site& site = SiteFor(context, request);
  const bool invite = kind == AccountLinkKind::kInvite;
  const std::string heading = site.T(invite ? "invite_heading" : "reset_heading");
  view::Data data = site.PageData(heading, std::string(request.path), "", csrf_token);
  data.set("noindex", true);
  data.set("heading", heading);
  data.set("action", std::string(request.path));
  data.set("invite", invite);
  data.set("role", std::string(model::ToText(link.role)));
  data.set("submit_label", site.T(invite ? "invite_submit" : "reset_submit"));
  const std::string error = request.QueryParam("error");
  if (error == "invalid") data.set("error", site.T("account_link_error_invalid"));
  if (error == "taken") data.set("error", site.T("account_link_error_taken"));
  auto html = site.templates().Render("account_link", data);
  if (!html.ok()) return ErrorPage(context, request, 500);
  Response response;
  response.body = std::move(html).value();
  // The token is in the URL: no cache, and no Referer to the next site.
  response.SetHeader("Cache-Control", "no-store");
  response.SetHeader("Referrer-Policy", "no-referrer");
  MarkLocalized(response, site);
  return response;
}

Response LinkPage(Context& context, const Request& request, const RouteParams& params,
                  AccountLinkKind kind) {
  bool failed = false;
  auto link = UsableLink(context, params.Get("token"), kind, failed);
  if (failed) return ErrorPage(context, request, 503);
  if (!link) return ErrorPage(context, request, 404);
  Visitor visitor = IdentifyVisitor(context, request, context.clock.NowUnix());
  Response response = LinkForm(context, request, kind, *link, visitor.csrf_token);
  if (!visitor.set_cookie.empty()) response.SetHeader("Set-Cookie", visitor.set_cookie);
  return response;
}

Response BackToLink(const Request& request, std::string_view code) {
  Response response =
      http::RedirectResponse(303, std::string(request.path) + "?error=" + std::string(code));
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

Response LinkPost(Context& context, const Request& request, const RouteParams& params,
                  AccountLinkKind kind) {
  bool failed = false;
  auto link = UsableLink(context, params.Get("token"), kind, failed);
  if (failed) return ErrorPage(context, request, 503);
  if (!link) return ErrorPage(context, request, 404);
  const std::string name = FormField(request.body, "username").value_or("");
  const std::string password = FormField(request.body, "password").value_or("");
  // Checked before the link is spent: a typo must not cost the invitation.
  if (!auth::CheckPasswordRules(password).ok()) return BackToLink(request, "invalid");
  if (kind == AccountLinkKind::kInvite) {
    if (!auth::CheckUsername(name).ok()) return BackToLink(request, "invalid");
    auto existing = context.store.users().FindByName(name);
    if (!existing.ok()) return ErrorPage(context, request, 503);
    if (existing->has_value()) return BackToLink(request, "taken");
  }
  auto used = context.store.account_links().Use(link->token_hash, context.clock.NowUnix());
  if (!used.ok()) return ErrorPage(context, request, 503);
  if (!*used) return ErrorPage(context, request, 404);  // another tab was first
  const std::int64_t now = context.clock.NowUnix();
  if (kind == AccountLinkKind::kReset) {
    if (!context.readers.accounts.ResetPassword(link->user_id, password).ok()) {
      return ErrorPage(context, request, 500);
    }
    Response response = http::RedirectResponse(303, "/login?reset=1");
    response.SetHeader("Cache-Control", "no-store");
    return response;
  }
  auto user = context.readers.accounts.Create(name, password, link->role);
  if (!user.ok()) return AccountError(context, request, user.error(), "/login");
  auto started = context.readers.sessions.Start(*user, now);
  if (!started.ok()) return ErrorPage(context, request, 500);
  // Staff go to the newsroom, readers to the front page.
  const std::string next = link->role == model::Role::kReader ? "/" : "/admin";
  return SessionStarted(context, request, *started, 201, next);
}

}  // namespace

Response InvitePage(Context& context, const Request& request, const RouteParams& params) {
  return LinkPage(context, request, params, AccountLinkKind::kInvite);
}

Response ResetPage(Context& context, const Request& request, const RouteParams& params) {
  return LinkPage(context, request, params, AccountLinkKind::kReset);
}

Response InviteAccept(Context& context, const Request& request, const RouteParams& params,
                      const Reader& /*reader*/) {
  return LinkPost(context, request, params, AccountLinkKind::kInvite);
}

Response ResetAccept(Context& context, const Request& request, const RouteParams& params,
                     const Reader& /*reader*/) {
  return LinkPost(context, request, params, AccountLinkKind::kReset);
}

}  // namespace warta::web
