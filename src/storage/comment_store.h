// Comments, reports, bans, closed threads and the moderation log. comments/ makes the rules
// (comments/service.h); this store keeps the rows and the counters exact.
//
// Errors: NotFound for every write that names an unknown comment or article, and for a new
// comment on an article that is not public (model::IsPublic); InvalidArgument for a status,
// reason or action outside its enum, an invalid reporter, a negative day or a limit out of
// range (nothing written); Corrupt when a stored status, reason or action is not a word
// model/ knows; Io or Unavailable when the database fails.
// Transactions: every write is one transaction. One that changes a comment or closes or opens
// a thread also changes, in it, articles.comments by the published delta (and the trending
// score with it, trending_store.h) and bumps articles.version, so every page cache
// re-renders the thread; a moderation log line is written in the same transaction. The
// per-day totals move with the published count in the same transaction: a comment that
// becomes published counts on the `day` given (days since 1970 in the site's time zone,
// core/day.h), one that stops being published is taken back from the day it counted on.
// Durability: writes are committed and synced to disk before returning: an acknowledged
// comment or moderation decision survives a crash or a power cut.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/comment.h"
#include "model/liker.h"
#include "model/moderation.h"

namespace warta::storage {

class CommentStore {
 public:
  virtual ~CommentStore() = default;
  virtual Result<model::CommentChange> Create(const model::NewComment& comment,
                                              std::int64_t day) = 0;
  virtual Result<std::optional<model::Comment>> FindById(std::int64_t id) = 0;
  // Every comment of the article by id (oldest first), hidden ones too when include_hidden;
  // at most `limit` (1..100000). Without include_hidden, pending comments are left out and
  // the text of the other unpublished ones is blanked: they stay in the list so replies keep
  // their place in the thread.
  virtual Result<std::vector<model::Comment>> ListForArticle(std::int64_t article_id,
                                                             bool include_hidden, int limit) = 0;
  // Replaces the body (edit) and sets status/reason; edited_at = now.
  virtual Result<model::CommentChange> UpdateBody(std::int64_t id, const std::string& body_source,
                                                  const std::string& body_html,
                                                  model::CommentStatus status,
                                                  model::PendingReason reason, std::int64_t now,
                                                  std::int64_t day) = 0;
  // Sets the status; when `log` has an action it is appended to the moderation log in the
  // same transaction. kDeleted also clears the body.
  virtual Result<model::CommentChange> SetStatus(std::int64_t id, model::CommentStatus status,
                                                 model::PendingReason reason,
                                                 const model::ModerationEntry& log,
                                                 std::int64_t day) = 0;
  // Records one report by `reporter`; a repeat is ignored (first = false). When the comment
  // is published and reaches `threshold` reports it becomes pending (PendingReason::kReports).
  struct ReportResult {
    bool first = false;
    model::CommentChange change;
  };
  virtual Result<ReportResult> Report(std::int64_t id, const model::Liker& reporter,
                                      std::int64_t threshold, std::int64_t now) = 0;
  // Pending comments (and published ones with reports), oldest first, at most `limit`
  // (1..10000).
  virtual Result<std::vector<model::Comment>> ListQueue(int limit) = 0;
  // How many comments ListQueue would list without a limit (the admin's "comments waiting").
  virtual Result<std::int64_t> CountQueue() = 0;
  // Newest first, at most `limit` (1..10000).
  virtual Result<std::vector<model::ModerationEntry>> ListLog(int limit) = 0;
  // Published comments written by the account (for "first comment" moderation).
  virtual Result<std::int64_t> CountPublishedBy(std::int64_t user_id) = 0;
  // Bans stop an account from commenting; logged with `log`.
  virtual Result<void> SetBanned(std::int64_t user_id, bool banned,
                                 const model::ModerationEntry& log) = 0;
  virtual Result<bool> IsBanned(std::int64_t user_id) = 0;
  // Per-article switch; logged with `log`.
  virtual Result<void> SetClosed(std::int64_t article_id, bool closed,
                                 const model::ModerationEntry& log) = 0;
  virtual Result<bool> IsClosed(std::int64_t article_id) = 0;
};

}  // namespace warta::storage
