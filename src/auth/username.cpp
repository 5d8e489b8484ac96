#include "auth/username.h"

#include <string>

namespace warta::auth {
namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

Result<void> CheckUsername(std::string_view name) {
  if (name.size() < kMinUsernameChars || name.size() > kMaxUsernameChars) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "auth: the user name must have " + std::to_string(kMinUsernameChars) + " to " +
                         std::to_string(kMaxUsernameChars) + " characters",
                     "auth_username_length");
  }
  for (char c : name) {
    if (!IsAlnum(c) && c != '_' && c != '-' && c != '.') {
      return MakeError(ErrorCode::kInvalidArgument,
                       "auth: the user name may contain only letters a-z, digits and _ - .",
                       "auth_username_chars");
    }
  }
  if (!IsAlnum(name.front())) {
    return MakeError(ErrorCode::kInvalidArgument,
                     "auth: the user name must start with a letter or a digit",
                     "auth_username_chars");
  }
  return Ok();
}

}  // namespace warta::auth
