// POST /api/v1/articles/{id}/like (like) and DELETE …/like (unlike), as the reader: the
// account when logged in, else the visitor. Idempotent; answers the article's counters.
// A plain HTML form post (field action=like|unlike) is answered with a redirect back to
// the article instead. The rules are engagement/service.h's.

#include <nlohmann/json.hpp>
#include <variant>

#include "web/api/engagement_replies.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/request/reader.h"

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
  const engagement::Engager who = reader.AsEngager(request);
  auto engaged = *like ? context.engagement.Like(who, *id) : context.engagement.Unlike(who, *id);
  if (auto refused = NotEngaged(context, request, *id, engaged, "like")) return *refused;

  Response response;
  if (IsFormPost(request)) {
    auto article = ArticleToReturnTo(context, request, *id);
    if (auto* failed = std::get_if<Response>(&article)) return std::move(*failed);
    const auto& entry = std::get<std::shared_ptr<const CachedArticle>>(article);
    response = http::RedirectResponse(303, entry->path + "#like-button");
  } else {
    const Site& site = SiteFor(context, request);
    nlohmann::json texts = CounterTextsJson(site, engaged->counters);
    texts["button"] = site.T(*like ? "unlike_button" : "like_button");
    nlohmann::json body = {
        {"id", *id},
        {"liked", *like},
        {"changed", engaged->changed},
        {"counters", CountersJson(engaged->counters)},
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
