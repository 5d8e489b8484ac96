// What each role may do (model/role.h names them). The staff roles form a ladder: a
// moderator approves and rejects comments and bans; an editor also edits articles and
// sources; an admin does everything, including managing accounts. An author (CONTRACT §6:
// own articles, drafts only) stands beside the ladder: editors and admins may do what an
// author may, moderators may not; an author moderates nothing. Everyone may do what a reader
// may (like, share, comment).
#pragma once

#include "model/role.h"

namespace warta::auth {

using model::Role;

// True when `role` may do what `needed` may.
bool HasRole(Role role, Role needed);

}  // namespace warta::auth
