#include "model/role.h"

#include "model/enum_text.h"

namespace warta::model {
namespace {

constexpr std::array<std::string_view, 5> kTexts = {"reader", "author", "moderator", "editor",
                                                    "admin"};

}  // namespace

std::string_view ToText(Role role) { return enum_text::ToText(kTexts, role); }

std::optional<Role> ParseRole(std::string_view text) {
  return enum_text::Parse<Role>(kTexts, text);
}

}  // namespace warta::model
