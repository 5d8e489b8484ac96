// GET /api/v1/articles/{id}: the article's metadata and live counters as JSON.
#include <nlohmann/json.hpp>

#include "web/api/engagement_replies.h"
#include "web/handlers.h"

namespace warta::web {

Response ApiArticle(Context& context, const Request& /*request*/, const RouteParams& params) {
  auto id = ParseId(params.Get("id"));
  if (!id) return ApiError(404, "no article with id '" + std::string(params.Get("id")) + "'");
  auto cached = context.articles.Get(*id, context.clock.NowUnix());
  if (!cached.ok()) {
    if (IsWithdrawn(cached.error())) {
      return ApiError(410, "article " + std::to_string(*id) + " was withdrawn");
    }
    if (cached.error().code == ErrorCode::kNotFound) {
      return ApiError(404, "no article with id " + std::to_string(*id));
    }
    return ApiError(500, "could not load the article; try again");
  }
  const model::Article& article = cached.value()->article;
  const model::Counters counters = context.engagement.Shown(*id, cached.value()->counters());
  nlohmann::json body = {
      {"id", article.id},
      {"title", article.title},
      {"source", article.source},
      {"url", article.url},
      {"published", i18n::Formatter::Iso8601Utc(article.published_at)},
      {"lang", article.lang},
      {"path", cached.value()->path},
      {"tags", article.tags},
      {"counters", CountersJson(counters)},
  };
  Response response = http::JsonResponse(200, body.dump());
  response.SetHeader("Cache-Control", "no-cache");
  return response;
}

}  // namespace warta::web
