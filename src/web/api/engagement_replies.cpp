#include "web/api/engagement_replies.h"

#include <string>

#include "web/request/reader.h"

namespace warta::web {

std::optional<http::Response> NotEngaged(const Context& context, const http::Request& request,
                                         std::int64_t id,
                                         const Result<engagement::Engaged>& engaged,
                                         std::string_view what) {
  if (!engaged.ok()) {
    return ArticleActionError(context, request, id, engaged.error(),
                              "the " + std::string(what) + " could not be saved; try again");
  }
  if (engaged->throttled()) {
    return ActionError(context, request, 429, "too many " + std::string(what) + "s; slow down",
                       engaged->retry_after_seconds);
  }
  return std::nullopt;
}

std::variant<std::shared_ptr<const CachedArticle>, http::Response> ArticleToReturnTo(
    Context& context, const http::Request& request, std::int64_t id) {
  auto cached = context.articles.Get(id, context.clock.NowUnix());
  if (!cached.ok()) {
    return ArticleActionError(context, request, id, cached.error(),
                              "could not load the article; try again");
  }
  return std::move(cached).value();
}

nlohmann::json CounterTextsJson(const Site& site, const model::Counters& counters) {
  CounterTexts t = site.FormatCounters(counters);
  return {
      {"views", t.views},
      {"views_label", t.views_label},
      {"likes", t.likes},
      {"likes_label", t.likes_label},
      {"comments", t.comments},
      {"comments_label", t.comments_label},
      {"shares", t.shares},
      {"shares_label", t.shares_label},
      {"like_prompt", t.like_prompt},
  };
}

nlohmann::json CountersJson(const model::Counters& counters) {
  return {{"views", counters.views},
          {"likes", counters.likes},
          {"comments", counters.comments},
          {"shares", counters.shares}};
}

}  // namespace warta::web
