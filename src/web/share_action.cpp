// POST /api/v1/articles/{id}/share?network=NAME: counts one share (whatsapp, facebook, x,
// telegram, line, copy, native) and answers the counters. A plain HTML form post goes on
// to the network's share page (or back to the article for copy/native).

#include <nlohmann/json.hpp>

#include "storage/share_store.h"
#include "web/counter_texts_json.h"
#include "web/handlers.h"
#include "web/locale_choice.h"
#include "web/reader.h"
#include "web/share_links.h"

namespace warta::web {

Response ShareAction(Context& context, const Request& request, const RouteParams& params,
                     const Reader& reader) {
  auto id = ParseId(params.Get("id"));
  if (!id) return ActionError(context, request, 404, "no such article");
  std::string network = request.QueryParam("network");
  if (network.empty() && IsFormPost(request)) {
    network = FormField(request.body, "network").value_or("");
  }
  if (FindShareNetwork(network) == nullptr) {
    return ActionError(context, request, 400,
                       "network must be one of: whatsapp, facebook, x, telegram, line, copy, "
                       "native");
  }
  auth::RateDecision decision = context.readers.likes_per_address.Take(request.remote_address);
  if (decision.allowed && reader.logged_in()) {
    decision = context.readers.likes_per_account.Take(reader.LimitKey());
  }
  if (!decision.allowed) {
    return ActionError(context, request, 429, "too many shares; slow down",
                       decision.retry_after_seconds);
  }
  const std::int64_t now = UnixNow();
  auto cached = context.articles.Get(*id, now);
  if (!cached.ok()) {
    return ArticleActionError(context, request, *id, cached.error(),
                              "could not load the article; try again");
  }
  auto counters = [&]() -> Result<model::Counters> {
    auto lock = context.articles.CounterLock(*id);
    auto result =
        context.store.shares().Add(*id, network, context.site->formatter().DayNumber(now));
    if (result.ok()) context.articles.ApplyCounters(*id, *result);
    return result;
  }();
  if (!counters.ok()) {
    return ArticleActionError(context, request, *id, counters.error(),
                              "the share could not be saved; try again");
  }

  Response response;
  if (IsFormPost(request)) {
    const CachedArticle& entry = *cached.value();
    auto target = ShareTargetUrl(network, context.site->settings().base_url + entry.path,
                                 entry.article.title);
    response = http::RedirectResponse(303, target.value_or(entry.path + "#shares"));
  } else {
    model::Counters c = *counters;
    c.views = context.views.Displayed(*id).value_or(c.views);
    nlohmann::json body = {
        {"id", *id},
        {"network", network},
        {"counters", CountersJson(c)},
        {"texts", CounterTextsJson(SiteFor(context, request), c)},
    };
    response = http::JsonResponse(200, body.dump());
  }
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace warta::web
