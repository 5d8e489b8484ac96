// What an account may do on the site (CONTRACT §6). Stored in users.role and shown by the
// API as the text ToText gives; auth/roles.h decides what each role may do.
#pragma once

#include <optional>
#include <string_view>

namespace warta::model {

enum class Role {
  kReader,     // likes, shares and comments
  kAuthor,     // the newsroom's own articles, drafts only
  kModerator,  // comments: approve, reject, ban, close threads
  kEditor,     // every article, sources, publishing
  kAdmin,      // everything, accounts and settings too
};

// "reader", "author", "moderator", "editor", "admin": the stored and the API spelling.
std::string_view ToText(Role role);
// nullopt for any other text (exact, lower case: "Admin" is not a role).
std::optional<Role> ParseRole(std::string_view text);

}  // namespace warta::model
