// Moderators' actions: POST /api/v1/comments/{id}/approve | reject | spam | ban and
// POST /api/v1/articles/{id}/comments/close | open. Moderators, editors and admins only.
// JSON calls get {"id", "status"}; form posts from the moderation page go back to it (or to
// a local `next`).
#include "web/api/comment_replies.h"
#include "web/handlers.h"
#include "web/request/url.h"

namespace warta::web {
namespace {

constexpr const char* kModerationPath = "/moderasi";

std::optional<Response> RefuseNonModerators(Context& context, const Request& request,
                                            const Reader& reader) {
  if (context.comments == nullptr) {
    return ActionError(context, request, 404, "this site takes no comments");
  }
  if (ActorOf(reader).moderator) return std::nullopt;
  return ActionError(context, request, 403, "moderators, editors and admins only");
}

Response Done(const Request& request, std::int64_t id, std::string_view status) {
  if (IsFormPost(request)) {
    std::string next = FormField(request.body, "next").value_or(kModerationPath);
    return http::RedirectResponse(303, LocalRedirectTarget(next));
  }
  nlohmann::json body = {{"id", id}, {"status", status}};
  Response response = http::JsonResponse(200, body.dump());
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

enum class Verdict { kApprove, kReject, kSpam };

Response Decide(Context& context, const Request& request, const RouteParams& params,
                const Reader& reader, Verdict verdict) {
  if (auto refused = RefuseNonModerators(context, request, reader)) return *refused;
  auto id = ParseId(params.Get("id"));
  if (!id) return ActionError(context, request, 404, "no such comment");
  auto comment = FindComment(context, *id);
  if (!comment.ok()) return CommentError(context, request, comment.error(), kModerationPath);
  comments::Actor actor = ActorOf(reader);
  auto change = ChangeAndRefresh(context, comment->article_id, [&] {
    comments::CommentService& service = context.comments->service;
    const std::int64_t now = context.clock.NowUnix();
    return verdict == Verdict::kApprove
               ? service.Approve(actor, *id, now)
               : service.Reject(actor, *id, verdict == Verdict::kSpam, now);
  });
  if (!change.ok()) return CommentError(context, request, change.error(), kModerationPath);
  return Done(request, *id, model::ToText(change->comment.status));
}

Response SetClosed(Context& context, const Request& request, const RouteParams& params,
                   const Reader& reader, bool closed) {
  if (auto refused = RefuseNonModerators(context, request, reader)) return *refused;
  auto id = ParseId(params.Get("id"));
  if (!id) return ActionError(context, request, 404, "no such article");
  comments::Actor actor = ActorOf(reader);
  auto lock = context.articles.CounterLock(*id);
  auto done = context.comments->service.SetClosed(actor, *id, closed, context.clock.NowUnix());
  if (!done.ok()) return CommentError(context, request, done.error(), kModerationPath);
  context.articles.Invalidate(*id);
  return Done(request, *id, closed ? "closed" : "open");
}

}  // namespace

Response CommentApprove(Context& context, const Request& request, const RouteParams& params,
                        const Reader& reader) {
  return Decide(context, request, params, reader, Verdict::kApprove);
}

Response CommentReject(Context& context, const Request& request, const RouteParams& params,
                       const Reader& reader) {
  // ?spam=1 or a form field spam=1 rejects as spam (the classifier learns from it).
  const bool spam = request.QueryParam("spam") == "1" ||
                    (IsFormPost(request) && FormField(request.body, "spam").value_or("") == "1");
  return Decide(context, request, params, reader, spam ? Verdict::kSpam : Verdict::kReject);
}

Response CommentSpam(Context& context, const Request& request, const RouteParams& params,
                     const Reader& reader) {
  return Decide(context, request, params, reader, Verdict::kSpam);
}

// Bans the comment's author from commenting and rejects the comment.
Response CommentBan(Context& context, const Request& request, const RouteParams& params,
                    const Reader& reader) {
  if (auto refused = RefuseNonModerators(context, request, reader)) return *refused;
  auto id = ParseId(params.Get("id"));
  if (!id) return ActionError(context, request, 404, "no such comment");
  auto comment = FindComment(context, *id);
  if (!comment.ok()) return CommentError(context, request, comment.error(), kModerationPath);
  if (comment->user_id == 0) {
    return ActionError(context, request, 400, "an anonymous comment has no account to ban");
  }
  comments::Actor actor = ActorOf(reader);
  const std::int64_t now = context.clock.NowUnix();
  auto banned = context.comments->service.Ban(actor, comment->user_id, true, now);
  if (!banned.ok()) return CommentError(context, request, banned.error(), kModerationPath);
  if (comment->status == model::CommentStatus::kPublished ||
      comment->status == model::CommentStatus::kPending) {
    auto change = ChangeAndRefresh(context, comment->article_id, [&] {
      return context.comments->service.Reject(actor, *id, false, now);
    });
    if (!change.ok()) return CommentError(context, request, change.error(), kModerationPath);
  }
  return Done(request, *id, "banned");
}

Response CommentsClose(Context& context, const Request& request, const RouteParams& params,
                       const Reader& reader) {
  return SetClosed(context, request, params, reader, true);
}

Response CommentsOpen(Context& context, const Request& request, const RouteParams& params,
                      const Reader& reader) {
  return SetClosed(context, request, params, reader, false);
}

}  // namespace warta::web
