// What the comment actions share: who acts, reading a comment from JSON or a form, turning
// errors into replies (JSON, or for form posts a localized page or a redirect), and keeping
// the article cache current after a change.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "comments/service.h"
#include "core/result.h"
#include "http/message.h"
#include "http/router/router.h"
#include "model/comment.h"
#include "storage/comment_store.h"
#include "web/context.h"
#include "web/request/reader.h"

namespace warta::web {

comments::Actor ActorOf(const Reader& reader);

// The reader's standing, for which comment actions a page shows (the templates'
// viewer_role): "anonymous" without an account, else the word of the role that acts:
// "moderator" for anyone who moderates, "reader" for everyone else.
std::string_view ViewerRole(const Reader& reader);

// A comment as sent: {"body", "parent_id"} in JSON, or body, parent_id, website (the
// honeypot) and next as form fields. error is set (400) when the body is not JSON or a
// field has the wrong type.
struct CommentInput {
  std::optional<std::string> body;
  std::int64_t parent_id = 0;
  bool honeypot = false;
  std::string next;
  std::string error;
};
CommentInput ReadCommentInput(const http::Request& request);

// The status of web/error_status.h (a 5xx logged, its message generic). A form post gets a
// localized page with the status and the message (and a link back to back_path).
http::Response CommentError(const Context& context, const http::Request& request,
                            const Error& error, const std::string& back_path);

// 429 when the address or (when logged in) the account has posted too much.
std::optional<http::Response> CommentRateLimited(Context& context, const http::Request& request,
                                                 const Reader& reader);

inline const model::Counters& ChangedCounters(const model::CommentChange& change) {
  return change.counters;
}
inline const model::Counters& ChangedCounters(const storage::CommentStore::ReportResult& r) {
  return r.change.counters;
}

// Runs `write` (a committed comment change of article_id) so the article page and counters
// show it at once: counters applied in commit order, the cached page dropped to re-render.
template <typename Write>
auto ChangeAndRefresh(Context& context, std::int64_t article_id, Write write) {
  auto lock = context.articles.CounterLock(article_id);
  auto result = write();
  if (result.ok()) {
    context.articles.ApplyCounters(article_id, ChangedCounters(*result));
    context.articles.Invalidate(article_id);
  }
  return result;
}

// An article (through the cache) and every comment of it, for the thread pages, the
// comments feed and the API.
struct ArticleComments {
  std::shared_ptr<const CachedArticle> article;
  std::vector<model::Comment> comments;
};
// The route's article {id} through the cache, when public and comments are on. Otherwise the
// answer to send: 404, 410 (withdrawn) or 503, as JSON for the API (api) or the error page.
std::variant<std::shared_ptr<const CachedArticle>, http::Response> LoadPublicArticle(
    Context& context, const http::RouteParams& params, bool api);
// Loads the route's article {id} and its comments (include_hidden: of every status). On
// failure the answer to send: 404 or 503, as JSON for the API (api) or the error page.
std::variant<ArticleComments, http::Response> LoadArticleComments(Context& context,
                                                                  const http::RouteParams& params,
                                                                  bool include_hidden, bool api);

// The article a comment belongs to (a store read), for locking and redirects.
Result<model::Comment> FindComment(Context& context, std::int64_t comment_id);

// The JSON of one comment (API replies; the script renders new comments from it).
nlohmann::json CommentJson(const Site& site, const model::Comment& comment);

}  // namespace warta::web
