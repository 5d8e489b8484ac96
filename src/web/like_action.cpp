// POST /api/v1/articles/{id}/like (like) and DELETE …/like (unlike), as the reader: the
// account when logged in, else the visitor. Idempotent; answers the article's counters.
// A plain HTML form post (field action=like|unlike) is answered with a redirect back to
// the article instead.

#include <nlohmann/json.hpp>

#include "storage/like_store.h"
#include "web/counter_texts_json.h"
#include "web/handlers.h"
#include "web/locale_choice.h"
#include "web/reader.h"

namespace warta::web {
namespace {

// What the reader asked for: true like, false unlike; nullopt for an unknown form action.
std::optional<bool> WantsLike(const Request& request) {
  if (request.method == http::Method::kDelete) return false;
  if (!IsFormPost(request)) return true;
  std::string action = FormField(request.body, "action").value_or("like");
  if (action == "like") return true;
  if (action == "unlike") return false;
  return std::nullopt;
}

// Both the address and (when logged in) the account must have a token left.
std::optional<Response> RateLimited(Context& context, const Request& request,
                                    const Reader& reader) {
  auth::RateDecision decision = context.readers.likes_per_address.Take(request.remote_address);
  if (decision.allowed && reader.logged_in()) {
    decision = context.readers.likes_per_account.Take(reader.LimitKey());
  }
  if (decision.allowed) return std::nullopt;
  return ActionError(context, request, 429, "too many likes; slow down",
                     decision.retry_after_seconds);
}

std::string LikedHintCookie(const Request& request) {
  std::string cookie =
      std::string(kLikedHintCookie) + "=1; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax";
  if (request.secure) cookie += "; Secure";
  return cookie;
}

}  // namespace

Response LikeAction(Context& context, const Request& request, const RouteParams& params,
                    const Reader& reader) {
  auto id = ParseId(params.Get("id"));
  if (!id) return ActionError(context, request, 404, "no such article");
  std::optional<bool> like = WantsLike(request);
  if (!like) return ActionError(context, request, 400, "action must be 'like' or 'unlike'");
  if (auto limited = RateLimited(context, request, reader)) return *limited;

  const std::int64_t now = UnixNow();
  auto cached = context.articles.Get(*id, now);
  if (!cached.ok()) {
    return ArticleActionError(context, request, *id, cached.error(),
                              "could not load the article; try again");
  }
  const model::Liker liker = reader.AsLiker();
  auto change = [&]() -> Result<model::LikeChange> {
    // Held across the write and ApplyCounters, so cached totals follow commit order.
    auto lock = context.articles.CounterLock(*id);
    auto result = *like ? context.store.likes().Like(*id, liker, now,
                                                     context.site->formatter().DayNumber(now))
                        : context.store.likes().Unlike(*id, liker);
    if (result.ok()) context.articles.ApplyCounters(*id, result->counters);
    return result;
  }();
  if (!change.ok()) {
    return ArticleActionError(context, request, *id, change.error(),
                              "the like could not be saved; try again");
  }

  Response response;
  if (IsFormPost(request)) {
    response = http::RedirectResponse(303, cached.value()->path + "#like-button");
  } else {
    model::Counters c = change->counters;
    c.views = context.views.Displayed(*id).value_or(c.views);
    const Site& site = SiteFor(context, request);
    nlohmann::json texts = CounterTextsJson(site, c);
    texts["button"] = site.T(*like ? "unlike_button" : "like_button");
    nlohmann::json body = {
        {"id", *id},
        {"liked", *like},
        {"changed", change->changed},
        {"counters", CountersJson(c)},
        {"texts", texts},
    };
    response = http::JsonResponse(200, body.dump());
  }
  if (*like && !reader.logged_in() && request.Cookie(kLikedHintCookie).empty()) {
    response.headers.emplace_back("Set-Cookie", LikedHintCookie(request));
  }
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace warta::web
