// A reader's comment actions: POST /api/v1/articles/{id}/comments (post or reply),
// PUT|PATCH /api/v1/comments/{id} and POST …/edit (edit), DELETE /api/v1/comments/{id} and
// POST …/delete (soft delete), POST …/report. JSON calls get JSON; plain HTML form posts get
// a 303 back to the comment on the article page (or a notice there), so everything works
// without JavaScript. CSRF is checked by RunAction before any of these run.
#include <spdlog/spdlog.h>

#include <variant>

#include "storage/article_store.h"
#include "web/api/comment_replies.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

using model::CommentStatus;

// What a writer is told of their comment's state: published, or pending for anything else (a
// bot caught by the honeypot hears no more than a queued comment). Its word is also the
// notice code after a form post (?comment=published|pending).
std::string_view ShownStatus(CommentStatus status) {
  return model::ToText(status == CommentStatus::kPublished ? CommentStatus::kPublished
                                                           : CommentStatus::kPending);
}

Response NoComments(const Context& context, const Request& request) {
  return ActionError(context, request, 404, "this site takes no comments");
}

// Where a form post goes afterwards: the comment itself when it shows, else a notice.
Response BackToArticle(const std::string& path, const model::Comment& comment,
                       std::string_view notice) {
  if (comment.status == CommentStatus::kPublished && notice.empty()) {
    return http::RedirectResponse(303, path + "#comment-" + std::to_string(comment.id));
  }
  if (notice.empty()) notice = ShownStatus(comment.status);
  return http::RedirectResponse(303, path + "?comment=" + std::string(notice) + "#comments");
}

Response LoginFirst(const std::string& path) {
  return http::RedirectResponse(303, "/login?next=" + PercentEncode(path + "#comments"));
}

// The article path of a comment (for redirects); "/" when unknown. Read from the store, not
// the page cache: right after a change the cached page is gone, and rendering it here would
// cost every action a render of the whole thread.
std::string ArticlePathOf(Context& context, std::int64_t article_id) {
  auto article = context.store.articles().FindById(article_id);
  return article.ok() ? model::ArticlePath(article->id, article->slug) : std::string("/");
}

Response Answer(Context& context, const Request& request, const model::CommentChange& change,
                int status, std::string_view notice) {
  if (IsFormPost(request)) {
    return BackToArticle(ArticlePathOf(context, change.comment.article_id), change.comment, notice);
  }
  nlohmann::json body = CommentJson(SiteFor(context, request), change.comment);
  body["comments"] = change.counters.comments;
  Response response = http::JsonResponse(status, body.dump());
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

// The comment a logged-in reader acts on (edit, delete, report) and its article's path, or
// the answer refusing the action: comments off, a bad or unknown id, not logged in.
struct ActionTarget {
  std::int64_t id = 0;
  std::int64_t article_id = 0;
  std::string path;
};

std::variant<ActionTarget, Response> FindActionTarget(Context& context, const Request& request,
                                                      const RouteParams& params,
                                                      const Reader& reader,
                                                      const char* login_message) {
  if (context.comments == nullptr) return NoComments(context, request);
  auto id = ParseId(params.Get("id"));
  if (!id) return ActionError(context, request, 404, "no such comment");
  auto comment = FindComment(context, *id);
  if (!comment.ok()) return CommentError(context, request, comment.error(), "/");
  ActionTarget target{*id, comment->article_id, ArticlePathOf(context, comment->article_id)};
  if (!reader.logged_in()) {
    if (IsFormPost(request)) return LoginFirst(target.path);
    return ActionError(context, request, 401, login_message);
  }
  return target;
}

}  // namespace

Response CommentCreate(Context& context, const Request& request, const RouteParams& params,
                       const Reader& reader) {
  if (context.comments == nullptr) return NoComments(context, request);
  auto id = ParseId(params.Get("id"));
  if (!id) return ActionError(context, request, 404, "no such article");
  const std::int64_t now = context.clock.NowUnix();
  auto article = context.store.articles().FindById(*id);
  if (!article.ok()) {
    if (article.error().code == ErrorCode::kNotFound) {
      return ActionError(context, request, 404, "no article with id " + std::to_string(*id));
    }
    return ActionError(context, request, 503, "could not load the article; try again");
  }
  const std::string path = model::ArticlePath(article->id, article->slug);
  CommentInput input = ReadCommentInput(request);
  if (!input.error.empty()) return ActionError(context, request, 400, input.error);
  if (!input.body) return ActionError(context, request, 400, "a comment needs a body");
  if (!reader.logged_in() && !context.comments->service.options().anonymous) {
    if (IsFormPost(request)) return LoginFirst(path);
    return ActionError(context, request, 401, "log in to comment (POST /api/v1/auth/login)");
  }
  if (auto limited = CommentRateLimited(context, request, reader)) return *limited;

  comments::NewPost post;
  post.article_id = *id;
  post.article_published_at = article->published_at;
  post.parent_id = input.parent_id;
  post.body = std::move(*input.body);
  post.honeypot = input.honeypot;
  comments::Actor actor = ActorOf(reader);
  auto change = ChangeAndRefresh(context, *id,
                                 [&] { return context.comments->service.Post(actor, post, now); });
  if (!change.ok()) return CommentError(context, request, change.error(), path);
  model::CommentChange shown = *change;
  if (shown.comment.status == CommentStatus::kSpam) {
    // The honeypot caught a bot: it is told what a queued comment is told, nothing more.
    shown.comment.status = CommentStatus::kPending;
    shown.comment.body_html.clear();
  }
  if (IsFormPost(request)) return BackToArticle(path, shown.comment, "");
  return Answer(context, request, shown, 201, "");
}

Response CommentEdit(Context& context, const Request& request, const RouteParams& params,
                     const Reader& reader) {
  auto found = FindActionTarget(context, request, params, reader, "log in to edit your comments");
  if (auto* refused = std::get_if<Response>(&found)) return std::move(*refused);
  const ActionTarget& target = std::get<ActionTarget>(found);
  CommentInput input = ReadCommentInput(request);
  if (!input.error.empty()) return ActionError(context, request, 400, input.error);
  if (!input.body) return ActionError(context, request, 400, "an edit needs a body");
  if (auto limited = CommentRateLimited(context, request, reader)) return *limited;
  comments::Actor actor = ActorOf(reader);
  auto change = ChangeAndRefresh(context, target.article_id, [&] {
    return context.comments->service.Edit(actor, target.id, *input.body, context.clock.NowUnix());
  });
  if (!change.ok()) return CommentError(context, request, change.error(), target.path);
  return Answer(context, request, *change, 200,
                change->comment.status == CommentStatus::kPublished
                    ? ""
                    : ShownStatus(change->comment.status));
}

Response CommentDelete(Context& context, const Request& request, const RouteParams& params,
                       const Reader& reader) {
  auto found = FindActionTarget(context, request, params, reader, "log in to delete your comments");
  if (auto* refused = std::get_if<Response>(&found)) return std::move(*refused);
  const ActionTarget& target = std::get<ActionTarget>(found);
  comments::Actor actor = ActorOf(reader);
  auto change = ChangeAndRefresh(context, target.article_id, [&] {
    return context.comments->service.Delete(actor, target.id, context.clock.NowUnix());
  });
  if (!change.ok()) return CommentError(context, request, change.error(), target.path);
  if (IsFormPost(request)) {
    std::string next = FormField(request.body, "next").value_or("");
    if (!next.empty()) return http::RedirectResponse(303, LocalRedirectTarget(next));
  }
  return Answer(context, request, *change, 200, model::ToText(CommentStatus::kDeleted));
}

Response CommentReport(Context& context, const Request& request, const RouteParams& params,
                       const Reader& reader) {
  auto found = FindActionTarget(context, request, params, reader, "log in to report comments");
  if (auto* refused = std::get_if<Response>(&found)) return std::move(*refused);
  const ActionTarget& target = std::get<ActionTarget>(found);
  if (auto limited = CommentRateLimited(context, request, reader)) return *limited;
  comments::Actor actor = ActorOf(reader);
  auto report = ChangeAndRefresh(context, target.article_id, [&] {
    return context.comments->service.Report(actor, target.id, context.clock.NowUnix());
  });
  if (!report.ok()) return CommentError(context, request, report.error(), target.path);
  if (IsFormPost(request)) {
    return http::RedirectResponse(303, target.path + "?comment=reported#comments");
  }
  nlohmann::json body = {{"id", target.id},
                         {"reported", true},
                         {"first", report->first},
                         {"status", ShownStatus(report->change.comment.status)}};
  Response response = http::JsonResponse(200, body.dump());
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

}  // namespace warta::web
