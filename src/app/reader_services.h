// The readers' services of `serve` (accounts, sessions, login throttling), built from the
// configuration and owned together, so RunServe only creates one object.
#pragma once

#include "auth/accounts.h"
#include "auth/password.h"
#include "auth/sessions.h"
#include "config/config.h"
#include "storage/store.h"
#include "web/context.h"

namespace warta::app {

class ReaderParts {
 public:
  ReaderParts(storage::Store& store, const config::Config& config);
  ReaderParts(const ReaderParts&) = delete;
  ReaderParts& operator=(const ReaderParts&) = delete;

  web::ReaderServices services();

 private:
  auth::PasswordHasher hasher_;
  auth::SessionManager sessions_;
  auth::Accounts accounts_;
  bool registration_;
};

}  // namespace warta::app
