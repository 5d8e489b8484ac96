#include "comments/service.h"

#include <utility>

#include "core/ascii.h"
#include "core/html_escape.h"
#include "markdown/markdown.h"
#include "model/liker.h"
#include "storage/user_store.h"

namespace warta::comments {
namespace {

using model::CommentStatus;
using model::ModerationAction;
using model::PendingReason;

constexpr std::int64_t kDay = 86400;

Error Denied(std::string message, std::string key) {
  return Error::PermissionDenied("comments: " + std::move(message), std::move(key));
}

Error NoComment(std::int64_t id) {
  return Error::NotFound("comments: no comment with id " + std::to_string(id),
                         "comment_error_not_found");
}

Error AuthorDeleted() {
  return Error::InvalidArgument("comments: the author deleted this comment",
                                "comment_error_deleted");
}

model::ModerationEntry LogEntry(const Actor& actor, ModerationAction action, std::int64_t now) {
  model::ModerationEntry entry;
  entry.moderator_id = actor.user_id;
  entry.action = action;
  entry.created_at = now;
  return entry;
}

}  // namespace

CommentService::CommentService(storage::Store& store, CommentOptions options, SpamCheck* spam,
                               DayOf day_of)
    : store_(store), options_(options), spam_(spam), day_of_(std::move(day_of)) {}

std::int64_t CommentService::Day(std::int64_t now) const {
  return day_of_ ? day_of_(now) : UtcDay(now);
}

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
  if (ascii::IsBlank(body)) {
    return Error::InvalidArgument("comments: empty comment", "comment_error_empty");
  }
  // Bytes first, so a huge body is refused before it is scanned.
  const auto max = static_cast<std::size_t>(options_.max_chars);
  if (body.size() > max * 4 || markdown::CodePoints(body) > max) {
    return Error::TooLarge("comments: longer than " + std::to_string(max) + " characters",
                           "comment_error_too_long");
  }
  auto rendered = markdown::Render(body, markdown::Profile::kComment);
  if (!rendered.ok()) {
    return MakeError(rendered.error().code, "comments: " + rendered.error().message,
                     "comment_error_invalid");
  }
  if (ascii::IsBlank(rendered->html)) {
    return Error::InvalidArgument("comments: nothing left to show", "comment_error_empty");
  }
  Checked checked;
  checked.html = std::move(rendered->html);
  if (actor.moderator) return checked;
  auto wait = [&checked](PendingReason reason) {
    checked.status = CommentStatus::kPending;
    checked.reason = reason;
  };
  if (actor.user_id == 0) {
    wait(PendingReason::kAnonymous);
  } else if (first_rule && options_.moderate_first) {
    WARTA_ASSIGN_OR_RETURN(std::int64_t published,
                           store_.comments().CountPublishedBy(actor.user_id));
    if (published == 0) wait(PendingReason::kFirst);
  }
  if (checked.status == CommentStatus::kPublished && rendered->has_link &&
      options_.moderate_links) {
    wait(PendingReason::kLink);
  }
  if (checked.status == CommentStatus::kPublished && spam_ != nullptr &&
      spam_->SpamProbability(body) >= options_.spam_threshold) {
    wait(PendingReason::kLikelySpam);
  }
  return checked;
}

Result<model::CommentChange> CommentService::Post(const Actor& actor, const NewPost& post,
                                                  std::int64_t now) {
  if (actor.user_id == 0 && !options_.anonymous) {
    return Denied("log in to comment", "comment_error_login");
  }
  if (actor.user_id != 0) {
    WARTA_ASSIGN_OR_RETURN(bool banned, store_.comments().IsBanned(actor.user_id));
    if (banned) return Denied("the account may not comment", "comment_error_banned");
  }
  WARTA_ASSIGN_OR_RETURN(bool closed, IsClosed(post.article_id, post.article_published_at, now));
  if (closed) return Denied("comments are closed", "comment_error_closed");

  model::NewComment comment;
  comment.article_id = post.article_id;
  comment.user_id = actor.user_id;
  comment.created_at = now;
  if (post.parent_id != 0) {
    WARTA_ASSIGN_OR_RETURN(std::optional<model::Comment> parent,
                           store_.comments().FindById(post.parent_id));
    if (!parent || parent->article_id != post.article_id ||
        parent->status != CommentStatus::kPublished) {
      return Error::InvalidArgument(
          "comments: no comment " + std::to_string(post.parent_id) + " to reply to on this article",
          "comment_error_parent");
    }
    // Too deep: the reply joins the parent's own parent, the deepest level allowed.
    if (parent->depth + 1 >= options_.max_depth && parent->parent_id != 0) {
      comment.parent_id = parent->parent_id;
      comment.depth = parent->depth;
    } else {
      comment.parent_id = parent->id;
      comment.depth = parent->depth + 1;
    }
  }
  // Control characters are dropped, not refused: a form feed pasted from a PDF is no reason
  // to lose a comment, and what is stored is then safe in every page and feed (finding 8).
  std::string body = StripControlCharacters(post.body);
  WARTA_ASSIGN_OR_RETURN(Checked checked, Check(actor, body, /*first_rule=*/true));
  comment.body_source = std::move(body);
  comment.body_html = std::move(checked.html);
  comment.status = checked.status;
  comment.reason = checked.reason;
  if (post.honeypot) {
    // Quietly kept as spam: the bot sees the same answer as a queued comment.
    comment.status = CommentStatus::kSpam;
    comment.reason = PendingReason::kHoneypot;
  }
  return store_.comments().Create(comment, Day(now));
}

Result<model::Comment> CommentService::Owned(const Actor& actor, std::int64_t comment_id) {
  if (actor.user_id == 0) return Denied("log in first", "comment_error_login");
  WARTA_ASSIGN_OR_RETURN(std::optional<model::Comment> found,
                         store_.comments().FindById(comment_id));
  if (!found || found->status == CommentStatus::kDeleted) return NoComment(comment_id);
  if (found->user_id != actor.user_id && !actor.moderator) {
    return Denied("not your comment", "comment_error_not_yours");
  }
  return std::move(*found);
}

Result<model::Comment> CommentService::Moderated(const Actor& actor, std::int64_t comment_id) {
  if (!actor.moderator) return Denied("moderators only", "comment_error_moderators");
  WARTA_ASSIGN_OR_RETURN(std::optional<model::Comment> found,
                         store_.comments().FindById(comment_id));
  if (!found) return NoComment(comment_id);
  return std::move(*found);
}

Result<model::CommentChange> CommentService::Edit(const Actor& actor, std::int64_t comment_id,
                                                  std::string_view body, std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(model::Comment comment, Owned(actor, comment_id));
  if (comment.user_id != actor.user_id) {
    return Denied("only the author edits a comment", "comment_error_not_yours");
  }
  if (comment.status != CommentStatus::kPublished && comment.status != CommentStatus::kPending) {
    return NoComment(comment_id);
  }
  if (now - comment.created_at > std::int64_t{options_.edit_minutes} * 60) {
    return Denied("the edit window is over", "comment_error_edit_window");
  }
  const std::string clean = StripControlCharacters(body);
  WARTA_ASSIGN_OR_RETURN(Checked checked, Check(actor, clean, /*first_rule=*/false));
  // A comment waiting for a moderator keeps waiting; a published one may have to wait now.
  const bool waiting = comment.status == CommentStatus::kPending;
  return store_.comments().UpdateBody(comment_id, clean, checked.html,
                                      waiting ? comment.status : checked.status,
                                      waiting ? comment.reason : checked.reason, now, Day(now));
}

Result<model::CommentChange> CommentService::Delete(const Actor& actor, std::int64_t comment_id,
                                                    std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(model::Comment comment, Owned(actor, comment_id));
  // The author deleting their own comment is not moderation: nothing is logged.
  model::ModerationEntry log;
  if (comment.user_id != actor.user_id) log = LogEntry(actor, ModerationAction::kDelete, now);
  return store_.comments().SetStatus(comment_id, CommentStatus::kDeleted, PendingReason::kNone, log,
                                     Day(now));
}

Result<storage::CommentStore::ReportResult> CommentService::Report(const Actor& actor,
                                                                   std::int64_t comment_id,
                                                                   std::int64_t now) {
  if (actor.user_id == 0) return Denied("log in to report", "comment_error_login");
  WARTA_ASSIGN_OR_RETURN(std::optional<model::Comment> found,
                         store_.comments().FindById(comment_id));
  if (!found || found->status != CommentStatus::kPublished) return NoComment(comment_id);
  return store_.comments().Report(comment_id, model::Liker::Account(actor.user_id),
                                  options_.report_threshold, now);
}

Result<model::CommentChange> CommentService::Approve(const Actor& actor, std::int64_t comment_id,
                                                     std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(model::Comment comment, Moderated(actor, comment_id));
  if (comment.status == CommentStatus::kDeleted) return AuthorDeleted();
  auto change =
      store_.comments().SetStatus(comment_id, CommentStatus::kPublished, PendingReason::kNone,
                                  LogEntry(actor, ModerationAction::kApprove, now), Day(now));
  if (change.ok() && spam_ != nullptr) spam_->Learn(comment.body_source, false);
  return change;
}

Result<model::CommentChange> CommentService::Reject(const Actor& actor, std::int64_t comment_id,
                                                    bool spam, std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(model::Comment comment, Moderated(actor, comment_id));
  if (comment.status == CommentStatus::kDeleted) return AuthorDeleted();
  auto change = store_.comments().SetStatus(
      comment_id, spam ? CommentStatus::kSpam : CommentStatus::kRejected, PendingReason::kNone,
      LogEntry(actor, spam ? ModerationAction::kSpam : ModerationAction::kReject, now), Day(now));
  if (change.ok() && spam && spam_ != nullptr) spam_->Learn(comment.body_source, true);
  return change;
}

Result<void> CommentService::Ban(const Actor& actor, std::int64_t user_id, bool banned,
                                 std::int64_t now) {
  if (!actor.moderator) return Denied("moderators only", "comment_error_moderators");
  WARTA_ASSIGN_OR_RETURN(std::optional<model::User> user, store_.users().FindById(user_id));
  if (!user) {
    return Error::NotFound("comments: no account " + std::to_string(user_id),
                           "comment_error_not_found");
  }
  if (user->role != model::Role::kReader) {
    return Denied("staff accounts are not banned here", "comment_error_moderators");
  }
  return store_.comments().SetBanned(
      user_id, banned,
      LogEntry(actor, banned ? ModerationAction::kBan : ModerationAction::kUnban, now));
}

Result<void> CommentService::SetClosed(const Actor& actor, std::int64_t article_id, bool closed,
                                       std::int64_t now) {
  if (!actor.moderator) return Denied("moderators only", "comment_error_moderators");
  return store_.comments().SetClosed(
      article_id, closed,
      LogEntry(actor, closed ? ModerationAction::kClose : ModerationAction::kOpen, now));
}

}  // namespace warta::comments
