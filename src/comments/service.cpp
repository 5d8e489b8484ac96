#include "comments/service.h"

#include <utility>

#include "comments/markdown.h"

namespace warta::comments {
namespace {

constexpr std::int64_t kDay = 86400;

Error Denied(std::string message, std::string key) {
  return MakeError(ErrorCode::kPermissionDenied, "comments: " + std::move(message), std::move(key));
}

Error NoComment(std::int64_t id) {
  return MakeError(ErrorCode::kNotFound, "comments: no comment with id " + std::to_string(id),
                   "comment_error_not_found");
}

bool Blank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') return false;
  }
  return true;
}

storage::ModerationEntry LogEntry(const Actor& actor, std::string action, std::int64_t now) {
  storage::ModerationEntry entry;
  entry.moderator_id = actor.user_id;
  entry.action = std::move(action);
  entry.created_at = now;
  return entry;
}

}  // namespace

CommentService::CommentService(storage::Store& store, CommentOptions options, SpamCheck* spam)
    : store_(store), options_(options), spam_(spam) {}

bool CommentService::ClosedByAge(std::int64_t published_at, std::int64_t now) const {
  return options_.close_after_days > 0 &&
         now - published_at > std::int64_t{options_.close_after_days} * kDay;
}

Result<bool> CommentService::IsClosed(std::int64_t article_id, std::int64_t published_at,
                                      std::int64_t now) {
  if (ClosedByAge(published_at, now)) return true;
  return store_.comments().IsClosed(article_id);
}

Result<CommentService::Checked> CommentService::Check(const Actor& actor, std::string_view body,
                                                      bool first_rule) {
  if (Blank(body)) {
    return MakeError(ErrorCode::kInvalidArgument, "comments: empty comment", "comment_error_empty");
  }
  // Bytes first, so a huge body is refused before it is scanned.
  const auto max = static_cast<std::size_t>(options_.max_chars);
  if (body.size() > max * 4 || CodePoints(body) > max) {
    return MakeError(ErrorCode::kTooLarge,
                     "comments: longer than " + std::to_string(max) + " characters",
                     "comment_error_too_long");
  }
  auto rendered = RenderMarkdown(body);
  if (!rendered.ok()) return rendered.error();
  if (Blank(rendered->html)) {
    return MakeError(ErrorCode::kInvalidArgument, "comments: nothing left to show",
                     "comment_error_empty");
  }
  Checked checked;
  checked.html = std::move(rendered->html);
  if (actor.moderator) return checked;
  auto wait = [&checked](const char* reason) {
    checked.status = "pending";
    checked.reason = reason;
  };
  if (actor.user_id == 0) {
    wait("anonymous");
  } else if (first_rule && options_.moderate_first) {
    auto published = store_.comments().CountPublishedBy(actor.user_id);
    if (!published.ok()) return published.error();
    if (*published == 0) wait("first");
  }
  if (checked.status == "published" && rendered->has_link && options_.moderate_links) {
    wait("link");
  }
  if (checked.status == "published" && spam_ != nullptr &&
      spam_->SpamProbability(body) >= options_.spam_threshold) {
    wait("spam?");
  }
  return checked;
}

Result<storage::CommentChange> CommentService::Post(const Actor& actor, const NewPost& post,
                                                    std::int64_t now) {
  if (actor.user_id == 0 && !options_.anonymous) {
    return Denied("log in to comment", "comment_error_login");
  }
  if (actor.user_id != 0) {
    auto banned = store_.comments().IsBanned(actor.user_id);
    if (!banned.ok()) return banned.error();
    if (*banned) return Denied("the account may not comment", "comment_error_banned");
  }
  auto closed = IsClosed(post.article_id, post.article_published_at, now);
  if (!closed.ok()) return closed.error();
  if (*closed) return Denied("comments are closed", "comment_error_closed");

  storage::NewComment comment;
  comment.article_id = post.article_id;
  comment.user_id = actor.user_id;
  comment.created_at = now;
  if (post.parent_id != 0) {
    auto parent = store_.comments().FindById(post.parent_id);
    if (!parent.ok()) return parent.error();
    if (!*parent || (*parent)->article_id != post.article_id || (*parent)->status != "published") {
      return MakeError(
          ErrorCode::kInvalidArgument,
          "comments: no comment " + std::to_string(post.parent_id) + " to reply to on this article",
          "comment_error_parent");
    }
    // Too deep: the reply joins the parent's own parent, the deepest level allowed.
    const storage::Comment& p = **parent;
    if (p.depth + 1 >= options_.max_depth && p.parent_id != 0) {
      comment.parent_id = p.parent_id;
      comment.depth = p.depth;
    } else {
      comment.parent_id = p.id;
      comment.depth = p.depth + 1;
    }
  }
  auto checked = Check(actor, post.body, /*first_rule=*/true);
  if (!checked.ok()) return checked.error();
  comment.body_source = std::string(post.body);
  comment.body_html = std::move(checked->html);
  comment.status = std::move(checked->status);
  comment.reason = std::move(checked->reason);
  if (post.honeypot) {
    // Quietly kept as spam: the bot sees the same answer as a queued comment.
    comment.status = "spam";
    comment.reason = "honeypot";
  }
  return store_.comments().Create(comment);
}

Result<storage::Comment> CommentService::Owned(const Actor& actor, std::int64_t comment_id) {
  if (actor.user_id == 0) return Denied("log in first", "comment_error_login");
  auto found = store_.comments().FindById(comment_id);
  if (!found.ok()) return found.error();
  if (!*found || (*found)->status == "deleted") return NoComment(comment_id);
  if ((*found)->user_id != actor.user_id && !actor.moderator) {
    return Denied("not your comment", "comment_error_not_yours");
  }
  return **found;
}

Result<storage::Comment> CommentService::Moderated(const Actor& actor, std::int64_t comment_id) {
  if (!actor.moderator) return Denied("moderators only", "comment_error_moderators");
  auto found = store_.comments().FindById(comment_id);
  if (!found.ok()) return found.error();
  if (!*found) return NoComment(comment_id);
  return **found;
}

Result<storage::CommentChange> CommentService::Edit(const Actor& actor, std::int64_t comment_id,
                                                    std::string_view body, std::int64_t now) {
  auto comment = Owned(actor, comment_id);
  if (!comment.ok()) return comment.error();
  if (comment->user_id != actor.user_id) {
    return Denied("only the author edits a comment", "comment_error_not_yours");
  }
  if (comment->status != "published" && comment->status != "pending") {
    return NoComment(comment_id);
  }
  if (now - comment->created_at > std::int64_t{options_.edit_minutes} * 60) {
    return Denied("the edit window is over", "comment_error_edit_window");
  }
  auto checked = Check(actor, body, /*first_rule=*/false);
  if (!checked.ok()) return checked.error();
  // A comment waiting for a moderator keeps waiting; a published one may have to wait now.
  std::string status = comment->status == "pending" ? comment->status : checked->status;
  std::string reason = comment->status == "pending" ? comment->reason : checked->reason;
  return store_.comments().UpdateBody(comment_id, std::string(body), checked->html, status, reason,
                                      now);
}

Result<storage::CommentChange> CommentService::Delete(const Actor& actor, std::int64_t comment_id,
                                                      std::int64_t now) {
  auto comment = Owned(actor, comment_id);
  if (!comment.ok()) return comment.error();
  storage::ModerationEntry log;
  if (comment->user_id != actor.user_id) log = LogEntry(actor, "delete", now);
  return store_.comments().SetStatus(comment_id, "deleted", "", log);
}

Result<storage::CommentStore::ReportResult> CommentService::Report(const Actor& actor,
                                                                   std::int64_t comment_id,
                                                                   std::int64_t now) {
  if (actor.user_id == 0) return Denied("log in to report", "comment_error_login");
  auto found = store_.comments().FindById(comment_id);
  if (!found.ok()) return found.error();
  if (!*found || (*found)->status != "published") return NoComment(comment_id);
  return store_.comments().Report(comment_id, "u:" + std::to_string(actor.user_id),
                                  options_.report_threshold, now);
}

Result<storage::CommentChange> CommentService::Approve(const Actor& actor, std::int64_t comment_id,
                                                       std::int64_t now) {
  auto comment = Moderated(actor, comment_id);
  if (!comment.ok()) return comment.error();
  if (comment->status == "deleted") {
    return MakeError(ErrorCode::kInvalidArgument, "comments: the author deleted this comment",
                     "comment_error_deleted");
  }
  auto change =
      store_.comments().SetStatus(comment_id, "published", "", LogEntry(actor, "approve", now));
  if (change.ok() && spam_ != nullptr) spam_->Learn(comment->body_source, false);
  return change;
}

Result<storage::CommentChange> CommentService::Reject(const Actor& actor, std::int64_t comment_id,
                                                      bool spam, std::int64_t now) {
  auto comment = Moderated(actor, comment_id);
  if (!comment.ok()) return comment.error();
  if (comment->status == "deleted") {
    return MakeError(ErrorCode::kInvalidArgument, "comments: the author deleted this comment",
                     "comment_error_deleted");
  }
  auto change = store_.comments().SetStatus(comment_id, spam ? "spam" : "rejected", "",
                                            LogEntry(actor, spam ? "spam" : "reject", now));
  if (change.ok() && spam && spam_ != nullptr) spam_->Learn(comment->body_source, true);
  return change;
}

Result<void> CommentService::Ban(const Actor& actor, std::int64_t user_id, bool banned,
                                 std::int64_t now) {
  if (!actor.moderator) return Denied("moderators only", "comment_error_moderators");
  auto user = store_.users().FindById(user_id);
  if (!user.ok()) return user.error();
  if (!*user) {
    return MakeError(ErrorCode::kNotFound, "comments: no account " + std::to_string(user_id),
                     "comment_error_not_found");
  }
  if ((*user)->role != "reader") {
    return Denied("staff accounts are not banned here", "comment_error_moderators");
  }
  return store_.comments().SetBanned(user_id, banned,
                                     LogEntry(actor, banned ? "ban" : "unban", now));
}

Result<void> CommentService::SetClosed(const Actor& actor, std::int64_t article_id, bool closed,
                                       std::int64_t now) {
  if (!actor.moderator) return Denied("moderators only", "comment_error_moderators");
  return store_.comments().SetClosed(article_id, closed,
                                     LogEntry(actor, closed ? "close" : "open", now));
}

}  // namespace warta::comments
