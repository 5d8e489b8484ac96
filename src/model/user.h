// Accounts and their login sessions as stored. The rules for names and passwords are
// auth's (auth/username.h, auth/password.h); storage only keeps what it is given.
#pragma once

#include <cstdint>
#include <string>

#include "model/role.h"

namespace warta::model {

// An account. Names are unique ignoring ASCII case ("Budi" and "budi" are one account).
struct User {
  std::int64_t id = 0;
  std::string name;           // as registered
  std::string password_hash;  // argon2id, in libsodium's crypto_pwhash_str format
  Role role = Role::kReader;
  std::int64_t created_at = 0;
  std::int64_t banned_at = 0;  // 0: not banned; a banned account cannot log in
};

struct NewUser {
  std::string name;
  std::string password_hash;
  Role role = Role::kReader;
};

// A login session. Only a hash of the session token is stored, so a copy of the database
// does not let anyone log in as a reader.
struct SessionRecord {
  std::string id_hash;  // hex digest of the token (auth/sessions.h)
  std::int64_t user_id = 0;
  std::int64_t created_at = 0;
  std::int64_t expires_at = 0;
  std::int64_t last_seen_at = 0;
};

struct SessionWithUser {
  SessionRecord session;
  User user;
};

}  // namespace warta::model
