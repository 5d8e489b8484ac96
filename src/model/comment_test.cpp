#include "model/comment.h"

#include <gtest/gtest.h>

#include "model/moderation.h"
#include "model/role.h"

namespace warta::model {
namespace {

// The stored words are the schema's (migrations: comments.status CHECK, users.role CHECK):
// a new spelling here would make every existing row unreadable.
TEST(CommentStatusText, IsTheStoredWordBothWays) {
  const std::pair<CommentStatus, std::string_view> cases[] = {
      {CommentStatus::kPublished, "published"}, {CommentStatus::kPending, "pending"},
      {CommentStatus::kRejected, "rejected"},   {CommentStatus::kSpam, "spam"},
      {CommentStatus::kDeleted, "deleted"},
  };
  for (const auto& [status, text] : cases) {
    EXPECT_EQ(ToText(status), text);
    EXPECT_EQ(ParseCommentStatus(text), status);
  }
  for (std::string_view bad : {"", "Published", " published", "weird", "?"}) {
    EXPECT_FALSE(ParseCommentStatus(bad).has_value()) << bad;
  }
  EXPECT_EQ(ToText(static_cast<CommentStatus>(99)), "?");
}

TEST(PendingReasonText, IsTheStoredWordBothWays) {
  const std::pair<PendingReason, std::string_view> cases[] = {
      {PendingReason::kNone, ""},
      {PendingReason::kAnonymous, "anonymous"},
      {PendingReason::kFirst, "first"},
      {PendingReason::kLink, "link"},
      {PendingReason::kReports, "reports"},
      {PendingReason::kLikelySpam, "spam?"},
      {PendingReason::kHoneypot, "honeypot"},
  };
  for (const auto& [reason, text] : cases) {
    EXPECT_EQ(ToText(reason), text);
    EXPECT_EQ(ParsePendingReason(text), reason);
  }
  EXPECT_FALSE(ParsePendingReason("spam").has_value());
  EXPECT_FALSE(ParsePendingReason("?").has_value());
}

TEST(ModerationActionText, IsTheStoredWordBothWays) {
  const std::pair<ModerationAction, std::string_view> cases[] = {
      {ModerationAction::kApprove, "approve"}, {ModerationAction::kReject, "reject"},
      {ModerationAction::kSpam, "spam"},       {ModerationAction::kDelete, "delete"},
      {ModerationAction::kBan, "ban"},         {ModerationAction::kUnban, "unban"},
      {ModerationAction::kClose, "close"},     {ModerationAction::kOpen, "open"},
  };
  for (const auto& [action, text] : cases) {
    EXPECT_EQ(ToText(action), text);
    EXPECT_EQ(ParseModerationAction(text), action);
  }
  EXPECT_FALSE(ParseModerationAction("").has_value());
  EXPECT_FALSE(ParseModerationAction("Approve").has_value());
}

TEST(RoleText, IsTheStoredWordBothWays) {
  const std::pair<Role, std::string_view> cases[] = {
      {Role::kReader, "reader"}, {Role::kAuthor, "author"}, {Role::kModerator, "moderator"},
      {Role::kEditor, "editor"}, {Role::kAdmin, "admin"},
  };
  for (const auto& [role, text] : cases) {
    EXPECT_EQ(ToText(role), text);
    EXPECT_EQ(ParseRole(text), role);
  }
  EXPECT_FALSE(ParseRole("root").has_value());
  EXPECT_FALSE(ParseRole("Admin").has_value());
  EXPECT_FALSE(ParseRole("").has_value());
}

}  // namespace
}  // namespace warta::model
