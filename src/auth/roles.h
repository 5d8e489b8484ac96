// Roles, in increasing power: a reader likes and comments; a moderator also approves and
// rejects comments and bans; an editor also edits articles and sources; an admin does
// everything, including managing accounts. Each role includes the ones below it.
#pragma once

#include <optional>
#include <string_view>

namespace warta::auth {

enum class Role { kReader = 0, kModerator = 1, kEditor = 2, kAdmin = 3 };

// "reader", "moderator", "editor", "admin" (the stored and the API spelling).
std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

// True when `role` may do what `needed` may.
inline bool HasRole(Role role, Role needed) {
  return static_cast<int>(role) >= static_cast<int>(needed);
}

}  // namespace warta::auth
