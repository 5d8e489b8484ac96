// User names: what an account may be called. Names are shown beside comments and in URLs,
// so they are kept to a small, unambiguous alphabet: ASCII letters, digits and "_-.",
// 3..40 characters, starting with a letter or digit. That leaves out control characters,
// HTML-special characters, spaces and look-alike letters from other scripts, and makes
// "unique ignoring case" the same on every database.
#pragma once

#include <string_view>

#include "core/result.h"

namespace warta::auth {

inline constexpr std::size_t kMinUsernameChars = 3;
inline constexpr std::size_t kMaxUsernameChars = 40;

// InvalidArgument with a message (and user_key) that says which rule failed.
Result<void> CheckUsername(std::string_view name);

}  // namespace warta::auth
