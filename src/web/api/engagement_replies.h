// What the like and share actions share (and the article API, for the counters): the answer
// when the engagement service failed or refused, the article a form post goes back to, and
// the counters as JSON.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <variant>

#include "core/result.h"
#include "engagement/service.h"
#include "http/message.h"
#include "model/article.h"
#include "web/cache/article_cache.h"
#include "web/context.h"
#include "web/site.h"

namespace warta::web {

// nullopt when the like, unlike or share went through; else the answer: 404 for an unknown
// article, 503 when the store failed, 429 with Retry-After when a budget refused it.
// `what` names the action in the messages: "like" or "share".
std::optional<http::Response> NotEngaged(const Context& context, const http::Request& request,
                                         std::int64_t id,
                                         const Result<engagement::Engaged>& engaged,
                                         std::string_view what);

// The cached article a form post goes back to, or the answer when it cannot be loaded.
std::variant<std::shared_ptr<const CachedArticle>, http::Response> ArticleToReturnTo(
    Context& context, const http::Request& request, std::int64_t id);

// The counters as the article page shows them, for JSON answers that change a counter (like,
// share): scripts put these strings into the page as they are, so plural rules and number
// formats stay on the server, in the reader's language.
// {"views", "views_label", "likes", "likes_label", "comments", "comments_label", "shares",
// "shares_label", "like_prompt"}: Site::FormatCounters in `site`'s locale.
nlohmann::json CounterTextsJson(const Site& site, const model::Counters& counters);

// {"views", "likes", "comments", "shares"} as numbers.
nlohmann::json CountersJson(const model::Counters& counters);

}  // namespace warta::web
