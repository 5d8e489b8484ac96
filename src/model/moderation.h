// What moderators do, as the moderation log records it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace warta::model {

enum class ModerationAction {
  kApprove,  // a held comment is published
  kReject,
  kSpam,    // rejected as spam (the classifier learns from it)
  kDelete,  // a moderator deleted someone else's comment
  kBan,     // an account may no longer comment
  kUnban,
  kClose,  // an article's thread takes no more comments
  kOpen,
};

// "approve", "reject", "spam", "delete", "ban", "unban", "close", "open": the stored text
// (moderation_log.action) and the end of the page's catalog key (moderation_action_…).
std::string_view ToText(ModerationAction action);
std::optional<ModerationAction> ParseModerationAction(std::string_view text);

// One line of the moderation log.
struct ModerationEntry {
  std::int64_t id = 0;
  std::int64_t comment_id = 0;    // 0 for actions on accounts or articles
  std::int64_t article_id = 0;    // 0 when not about an article
  std::int64_t target_user = 0;   // the comment's author or the banned account
  std::string target_name;        // that account's name
  std::int64_t moderator_id = 0;  // 0: the system (automatic queueing)
  std::string moderator_name;
  // Always set on entries read back; a write given an entry without one logs nothing (the
  // author deleting their own comment is not moderation).
  std::optional<ModerationAction> action;
  std::string note;
  std::int64_t created_at = 0;
};

}  // namespace warta::model
