#include "auth/roles.h"

#include <array>
#include <cstddef>

namespace warta::auth {
namespace {

constexpr std::array<std::string_view, 4> kNames = {"reader", "moderator", "editor", "admin"};

}  // namespace

std::string_view RoleName(Role role) { return kNames[static_cast<std::size_t>(role)]; }

std::optional<Role> ParseRole(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<Role>(i);
  }
  return std::nullopt;
}

}  // namespace warta::auth
