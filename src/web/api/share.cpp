// POST /api/v1/articles/{id}/share?network=NAME: counts one share (engagement/share_network.h
// names the networks) and answers the counters. A plain HTML form post goes on to the
// network's share page (or back to the article for copy/native). The rules are
// engagement/service.h's.

#include <nlohmann/json.hpp>
#include <variant>

#include "web/api/engagement_replies.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/request/reader.h"
#include "web/view_models/share_links.h"

namespace warta::web {

Response ShareAction(Context& context, const Request& request, const RouteParams& params,
                     const Reader& reader) {
  auto id = ParseId(params.Get("id"));
  if (!id) return ActionError(context, request, 404, "no such article");
  std::string name = request.QueryParam("network");
  if (name.empty() && IsFormPost(request)) name = FormField(request.body, "network").value_or("");
  const std::optional<engagement::ShareNetwork> network = engagement::ParseShareNetwork(name);
  if (!network) {
    return ActionError(context, request, 400,
                       "network must be one of: " + engagement::ShareNetworkNames());
  }
  auto engaged = context.engagement.Share(reader.AsEngager(request), *id, *network);
  if (auto refused = NotEngaged(context, request, *id, engaged, "share")) return *refused;

  Response response;
  if (IsFormPost(request)) {
    auto article = ArticleToReturnTo(context, request, *id);
    if (auto* failed = std::get_if<Response>(&article)) return std::move(*failed);
    const CachedArticle& entry = *std::get<std::shared_ptr<const CachedArticle>>(article);
    auto target = ShareTargetUrl(*network, context.site->settings().base_url + entry.path,
                                 entry.article.title);
    response = http::RedirectResponse(303, target.value_or(entry.path + "#shares"));
  } else {
    nlohmann::json body = {
        {"id", *id},
        {"network", name},
        {"counters", CountersJson(engaged->counters)},
        {"texts", CounterTextsJson(SiteFor(context, request), engaged->counters)},
    };
    response = http::JsonResponse(200, body.dump());
  }
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace warta::web
