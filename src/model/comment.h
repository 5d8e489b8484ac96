// Readers' comments and the states they go through. comments/ makes the rules (who may
// post, what waits for a moderator); storage keeps the rows; web shows them. No I/O here.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/article.h"

namespace warta::model {

// Where a comment stands. Only published comments are shown to everyone and counted in the
// article's comments counter; the others are listed only to moderators (and, as a
// placeholder, where a published reply hangs below them).
enum class CommentStatus {
  kPublished,
  kPending,   // waits for a moderator (PendingReason says why)
  kRejected,  // a moderator said no
  kSpam,      // a moderator, or the honeypot, said spam
  kDeleted,   // its author or a moderator deleted it: the text is gone
};

// Why a comment was held back. kNone for comments that never were, and once a moderator
// has decided.
enum class PendingReason {
  kNone,
  kAnonymous,   // written by a visitor without an account
  kFirst,       // the account's first comment
  kLink,        // it carries a link
  kReports,     // readers reported it often enough
  kLikelySpam,  // the spam classifier thinks so
  kHoneypot,    // a bot filled in the hidden field (status kSpam)
};

// The stored text of each value: "published", "pending", "rejected", "spam", "deleted";
// the API and the pages show the same words.
std::string_view ToText(CommentStatus status);
std::optional<CommentStatus> ParseCommentStatus(std::string_view text);
// "", "anonymous", "first", "link", "reports", "spam?", "honeypot".
std::string_view ToText(PendingReason reason);
std::optional<PendingReason> ParsePendingReason(std::string_view text);

// A reader's comment as stored.
struct Comment {
  std::int64_t id = 0;
  std::int64_t article_id = 0;
  std::int64_t parent_id = 0;  // 0: top level
  std::int64_t user_id = 0;    // 0: anonymous visitor
  std::string author;          // the account's name, or "" when anonymous
  int depth = 0;               // 0 for top level, parent's depth + 1 for replies
  std::string body_source;     // Markdown as written ("" once deleted)
  std::string body_html;       // rendered and sanitized ("" once deleted)
  CommentStatus status = CommentStatus::kPublished;
  PendingReason reason = PendingReason::kNone;
  std::int64_t created_at = 0;
  std::int64_t edited_at = 0;  // 0: never edited
  std::int64_t reports = 0;
};

struct NewComment {
  std::int64_t article_id = 0;
  std::int64_t parent_id = 0;
  std::int64_t user_id = 0;
  int depth = 0;
  std::string body_source;
  std::string body_html;
  CommentStatus status = CommentStatus::kPublished;
  PendingReason reason = PendingReason::kNone;
  std::int64_t created_at = 0;
};

// A committed comment change: the comment as stored after it and the article's counters.
struct CommentChange {
  Comment comment;
  Counters counters;
};

}  // namespace warta::model
