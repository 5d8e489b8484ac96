// What readers and moderators do with comments, and the rules that apply: who may post,
// size limits, Markdown rendering, threading depth, the edit window, soft deletion,
// reports, the moderation queue (first comments, links, reports, likely spam), bans and
// closed threads. Storage does the transactions; the web layer does HTTP, CSRF, rate limits
// and page caches.
//
// Errors carry a message-catalog key (Error::user_key) for the reader:
//   kInvalidArgument  empty body, invalid UTF-8, unknown parent        -> 400
//   kTooLarge         body over CommentOptions::max_chars               -> 413
//   kPermissionDenied not logged in, banned, not the author, edit window over,
//                     not a moderator, comments closed                  -> 403
//   kNotFound         no such article or comment                        -> 404
//
// Thread safety: every method may be called concurrently (the store serializes writes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "comments/options.h"
#include "comments/spam_check.h"
#include "core/day.h"
#include "core/result.h"
#include "model/comment.h"
#include "storage/comment_store.h"
#include "storage/store.h"

namespace warta::comments {

// Who acts: an account (user_id > 0) or an anonymous visitor (user_id 0).
struct Actor {
  std::int64_t user_id = 0;
  std::string name;
  bool moderator = false;  // moderator, editor or admin
};

struct NewPost {
  std::int64_t article_id = 0;
  std::int64_t article_published_at = 0;  // for close_after_days
  std::int64_t parent_id = 0;             // 0: top level
  std::string body;                       // Markdown
  bool honeypot = false;                  // the hidden field was filled in: a bot
};

class CommentService {
 public:
  // spam may be null (nothing is classified). day_of gives the day a publish counts on in
  // the per-day totals (core/day.h; the site's time zone); empty: UTC days.
  CommentService(storage::Store& store, CommentOptions options, SpamCheck* spam = nullptr,
                 DayOf day_of = {});

  Result<model::CommentChange> Post(const Actor& actor, const NewPost& post, std::int64_t now);
  // The author, within edit_minutes; the same checks as Post.
  Result<model::CommentChange> Edit(const Actor& actor, std::int64_t comment_id,
                                    std::string_view body, std::int64_t now);
  // The author or a moderator: the comment becomes a deleted placeholder.
  Result<model::CommentChange> Delete(const Actor& actor, std::int64_t comment_id,
                                      std::int64_t now);
  // A logged-in reader, once per comment.
  Result<storage::CommentStore::ReportResult> Report(const Actor& actor, std::int64_t comment_id,
                                                     std::int64_t now);
  // Moderators: publish; reject (spam: as spam, which teaches the classifier).
  Result<model::CommentChange> Approve(const Actor& actor, std::int64_t comment_id,
                                       std::int64_t now);
  Result<model::CommentChange> Reject(const Actor& actor, std::int64_t comment_id, bool spam,
                                      std::int64_t now);
  Result<void> Ban(const Actor& actor, std::int64_t user_id, bool banned, std::int64_t now);
  Result<void> SetClosed(const Actor& actor, std::int64_t article_id, bool closed,
                         std::int64_t now);

  // Closed by a moderator, or older than close_after_days.
  Result<bool> IsClosed(std::int64_t article_id, std::int64_t published_at, std::int64_t now);
  bool ClosedByAge(std::int64_t published_at, std::int64_t now) const;

  const CommentOptions& options() const { return options_; }
  storage::CommentStore& store() { return store_.comments(); }

 private:
  // Renders and checks a body; fills html and whether it must wait (status, reason).
  struct Checked {
    std::string html;
    model::CommentStatus status = model::CommentStatus::kPublished;
    model::PendingReason reason = model::PendingReason::kNone;
  };
  Result<Checked> Check(const Actor& actor, std::string_view body, bool first_rule);
  Result<model::Comment> Owned(const Actor& actor, std::int64_t comment_id);
  Result<model::Comment> Moderated(const Actor& actor, std::int64_t comment_id);
  std::int64_t Day(std::int64_t now) const;

  storage::Store& store_;
  CommentOptions options_;
  SpamCheck* spam_;
  DayOf day_of_;
};

}  // namespace warta::comments
