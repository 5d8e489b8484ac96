#include "web/request/staff.h"

#include <spdlog/spdlog.h>

#include "auth/api_tokens.h"
#include "auth/roles.h"
#include "core/ascii.h"
#include "web/handlers.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

// "Bearer <token>" (the scheme is case-insensitive, RFC 9110 §11.1); nullopt without one.
std::optional<std::string_view> BearerToken(const http::Request& request) {
  std::string_view header = ascii::Trim(request.Header("authorization"));
  constexpr std::string_view kScheme = "bearer ";
  if (!ascii::StartsWithIgnoreCase(header, kScheme)) return std::nullopt;
  return ascii::Trim(header.substr(kScheme.size()));
}

http::Response Unauthorized(const http::Request& request, AdminSurface surface, bool bad_token) {
  if (surface == AdminSurface::kPage && !bad_token) {
    return http::RedirectResponse(303, "/login?next=" + PercentEncode(request.target));
  }
  http::Response response =
      ApiError(401, bad_token ? "invalid, revoked or insufficient API token"
                              : "login required: a session cookie or Authorization: Bearer TOKEN");
  response.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"warta\"");
  return response;
}

http::Response Forbidden(Context& context, const http::Request& request, AdminSurface surface,
                         const std::string& message) {
  if (surface == AdminSurface::kPage) return ErrorPage(context, request, 403);
  return ApiError(403, message);
}

bool ChangesState(const http::Request& request) {
  return request.method != http::Method::kGet && request.method != http::Method::kHead;
}

enum class Outcome { kStaff, kAnonymous, kBadToken, kUnavailable };

Outcome Identify(Context& context, const http::Request& request, Staff& staff) {
  const std::int64_t now = context.clock.NowUnix();
  if (auto token = BearerToken(request)) {
    auto user = auth::AuthenticateApiToken(context.store.tokens(), *token, now);
    if (!user.ok()) {
      spdlog::warn("web: token lookup failed: {}", user.error().ToString());
      return Outcome::kUnavailable;
    }
    if (!*user) return Outcome::kBadToken;
    staff.principal = newsroom::Principal{(*user)->id, (*user)->role, (*user)->name};
    staff.via_token = true;
    return Outcome::kStaff;
  }
  staff.reader = IdentifyReader(context, request, now);
  if (!staff.reader.session) return Outcome::kAnonymous;
  const auth::SessionUser& user = staff.reader.session->user;
  staff.principal = newsroom::Principal{user.id, user.role, user.name};
  return Outcome::kStaff;
}

}  // namespace

std::optional<Staff> IdentifyStaff(Context& context, const http::Request& request) {
  Staff staff;
  if (Identify(context, request, staff) != Outcome::kStaff) return std::nullopt;
  return staff;
}

http::Response RunAdmin(Context& context, const http::Request& request,
                        const http::RouteParams& params, model::Role least, AdminSurface surface,
                        AdminHandler handler) {
  Staff staff;
  http::Response response;
  switch (Identify(context, request, staff)) {
    case Outcome::kUnavailable:
      response = ApiError(503, "the account store is not answering; try again");
      break;
    case Outcome::kBadToken:
      response = Unauthorized(request, surface, true);
      break;
    case Outcome::kAnonymous:
      response = Unauthorized(request, surface, false);
      break;
    case Outcome::kStaff:
      if (!auth::HasRole(staff.principal.role, least)) {
        response = Forbidden(context, request, surface,
                             "this needs the " + std::string(model::ToText(least)) +
                                 " role or above; you are " +
                                 std::string(model::ToText(staff.principal.role)));
      } else if (!staff.via_token && ChangesState(request)) {
        if (auto refusal = CsrfRefusal(context, request, staff.reader)) {
          response = surface == AdminSurface::kPage ? ErrorPage(context, request, 403)
                                                    : ApiError(403, *refusal);
        } else {
          response = handler(context, request, params, staff);
        }
      } else {
        response = handler(context, request, params, staff);
      }
      break;
  }
  if (!staff.reader.visitor.set_cookie.empty()) {
    response.headers.emplace_back("Set-Cookie", staff.reader.visitor.set_cookie);
  }
  // Staff pages and answers name accounts and drafts: never stored by a shared cache.
  response.SetHeader("Cache-Control", "private, no-store");
  return response;
}

}  // namespace warta::web
