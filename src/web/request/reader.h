// The reader behind a request: the visitor (cookie or address hash), the account when a
// session cookie is valid, and the CSRF token that reader's forms and calls must carry.
// Every state-changing route runs through RunAction, which refuses calls without that token.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "auth/sessions.h"
#include "engagement/service.h"
#include "http/message.h"
#include "http/router/router.h"
#include "model/liker.h"
#include "web/context.h"

namespace warta::web {

// Set after an anonymous reader's first like, so their pages look up their likes; readers
// without it (nearly all) get the article page without any database read.
inline constexpr std::string_view kLikedHintCookie = "warta_liked";

struct Reader {
  Visitor visitor;
  std::optional<auth::Session> session;
  std::string csrf_token;  // Issue("s:" + session id) when logged in, else the visitor's

  bool logged_in() const { return session.has_value(); }
  // Who a like or a report belongs to: the account, else the visitor.
  model::Liker AsLiker() const;
  std::string CsrfSubject() const;
  // The key of the per-account rate limits: the account, else the visitor.
  std::string LimitKey() const { return model::ToText(AsLiker()); }
  // Who likes or shares: the liker, and the client address of the per-address budget.
  engagement::Engager AsEngager(const http::Request& request) const {
    return engagement::Engager{AsLiker(), std::string(request.remote_address),
                               !session && !visitor.id.from_cookie};
  }
};

// A session that cannot be read (store failure) counts as logged out: pages keep working.
// reader.visitor.csrf_token equals reader.csrf_token.
Reader IdentifyReader(const Context& context, const http::Request& request, std::int64_t now);
// The visitor alone, ignoring any session (visitor.cpp); IdentifyReader builds on it.
Visitor IdentifyAnonymousVisitor(const Context& context, const http::Request& request,
                                 std::int64_t now_unix);

// `{"user": null or {"name", "role"}, "csrf_token": "…"}` (docs/api.md).
std::string SessionJson(const Reader& reader);

// Form posts (application/x-www-form-urlencoded) get pages and redirects; everything else
// JSON.
bool IsFormPost(const http::Request& request);
// The decoded value of a field of an urlencoded body; nullopt when absent.
std::optional<std::string> FormField(std::string_view body, std::string_view name);

// An error in the caller's language: the localized error page for form posts, JSON
// {"error": message} for API calls. 429 carries Retry-After.
http::Response ActionError(const Context& context, const http::Request& request, int status,
                           const std::string& message, int retry_after_seconds = 0);

// The answer when loading or changing article `id` failed: 404 when it does not exist, else
// 503 with `message` (the error is logged).
http::Response ArticleActionError(const Context& context, const http::Request& request,
                                  std::int64_t id, const Error& error, const std::string& message);

// Why the request's CSRF token (X-CSRF-Token header, or the csrf_token field of a form post)
// is refused for this reader, or nullopt when it is valid.
std::optional<std::string> CsrfRefusal(const Context& context, const http::Request& request,
                                       const Reader& reader);

using ActionHandler = http::Response (*)(Context&, const http::Request&, const http::RouteParams&,
                                         const Reader&);
// Identifies the reader, refuses a missing or wrong CSRF token with 403, runs the handler,
// and adds the visitor cookie when the reader had none.
http::Response RunAction(Context& context, const http::Request& request,
                         const http::RouteParams& params, ActionHandler handler);

}  // namespace warta::web
