#include "auth/username.h"

#include <string>

#include "core/ascii.h"

namespace warta::auth {

Result<void> CheckUsername(std::string_view name) {
  if (name.size() < kMinUsernameChars || name.size() > kMaxUsernameChars) {
    return Error::InvalidArgument("auth: the user name must have " +
                                      std::to_string(kMinUsernameChars) + " to " +
                                      std::to_string(kMaxUsernameChars) + " characters",
                                  "auth_username_length");
  }
  for (char c : name) {
    if (!ascii::IsAlnum(c) && c != '_' && c != '-' && c != '.') {
      return Error::InvalidArgument(
          "auth: the user name may contain only letters a-z, digits and _ - .",
          "auth_username_chars");
    }
  }
  if (!ascii::IsAlnum(name.front())) {
    return Error::InvalidArgument("auth: the user name must start with a letter or a digit",
                                  "auth_username_chars");
  }
  return Ok();
}

}  // namespace warta::auth
