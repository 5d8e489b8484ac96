#include "model/comment.h"

#include "model/enum_text.h"

namespace warta::model {
namespace {

constexpr std::array<std::string_view, 5> kStatusTexts = {"published", "pending", "rejected",
                                                          "spam", "deleted"};
constexpr std::array<std::string_view, 7> kReasonTexts = {"",        "anonymous", "first",   "link",
                                                          "reports", "spam?",     "honeypot"};

}  // namespace

std::string_view ToText(CommentStatus status) { return enum_text::ToText(kStatusTexts, status); }

std::optional<CommentStatus> ParseCommentStatus(std::string_view text) {
  return enum_text::Parse<CommentStatus>(kStatusTexts, text);
}

std::string_view ToText(PendingReason reason) { return enum_text::ToText(kReasonTexts, reason); }

std::optional<PendingReason> ParsePendingReason(std::string_view text) {
  return enum_text::Parse<PendingReason>(kReasonTexts, text);
}

}  // namespace warta::model
