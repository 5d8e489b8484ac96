#include "model/moderation.h"

#include "model/enum_text.h"

namespace warta::model {
namespace {

constexpr std::array<std::string_view, 8> kTexts = {"approve", "reject", "spam",  "delete",
                                                    "ban",     "unban",  "close", "open"};

}  // namespace

std::string_view ToText(ModerationAction action) { return enum_text::ToText(kTexts, action); }

std::optional<ModerationAction> ParseModerationAction(std::string_view text) {
  return enum_text::Parse<ModerationAction>(kTexts, text);
}

}  // namespace warta::model
