#include "auth/roles.h"

namespace warta::auth {
namespace {

// The staff ladder; the author is not on it.
int Rank(Role role) {
  switch (role) {
    case Role::kModerator:
      return 1;
    case Role::kEditor:
      return 2;
    case Role::kAdmin:
      return 3;
    case Role::kReader:
    case Role::kAuthor:
      break;
  }
  return 0;
}

}  // namespace

bool HasRole(Role role, Role needed) {
  switch (needed) {
    case Role::kReader:
      return true;
    case Role::kAuthor:
      return role == Role::kAuthor || Rank(role) >= Rank(Role::kEditor);
    case Role::kModerator:
    case Role::kEditor:
    case Role::kAdmin:
      return Rank(role) >= Rank(needed);
  }
  return false;
}

}  // namespace warta::auth
