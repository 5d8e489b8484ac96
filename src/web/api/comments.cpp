// GET /api/v1/articles/{id}/comments: an article's comments as JSON, oldest first
// (?order=newest: newest first); moderators see every status, everyone else the published
// ones. The same thread as pages: web/pages/comment_pages.cpp.
#include <algorithm>
#include <nlohmann/json.hpp>
#include <variant>

#include "web/api/comment_replies.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/request/reader.h"

namespace warta::web {

Response ApiComments(Context& context, const Request& request, const RouteParams& params) {
  Reader reader = IdentifyReader(context, request, context.clock.NowUnix());
  const bool moderator = ActorOf(reader).moderator;
  auto loaded = LoadArticleComments(context, params, moderator, /*api=*/true);
  if (auto* response = std::get_if<Response>(&loaded)) return std::move(*response);
  ArticleComments& data = std::get<ArticleComments>(loaded);
  if (request.QueryParam("order") == "newest") {
    std::reverse(data.comments.begin(), data.comments.end());
  }
  const Site& site = SiteFor(context, request);
  nlohmann::json list = nlohmann::json::array();
  for (const model::Comment& c : data.comments) {
    if (!moderator && c.status != model::CommentStatus::kPublished) continue;
    list.push_back(CommentJson(site, c));
  }
  nlohmann::json body = {{"article_id", data.article->article.id},
                         {"count", data.article->counters().comments},
                         {"comments", std::move(list)}};
  Response response = http::JsonResponse(200, body.dump());
  response.SetHeader("Cache-Control", "private, no-cache");
  return response;
}

}  // namespace warta::web
