#include "app/reader_services.h"

#include <spdlog/spdlog.h>

#include "app/commands.h"
#include "core/clock.h"
#include "storage/session_store.h"
#include "storage/user_store.h"

namespace warta::app {
namespace {

auth::SessionOptions SessionOptionsFrom(const config::Config& config) {
  auth::SessionOptions options;
  options.lifetime_seconds = std::int64_t{config.accounts.session_days} * 86400;
  return options;
}

auth::AccountLimits AccountLimitsFrom(const config::Config& config) {
  auth::AccountLimits limits;
  limits.enabled = config.ratelimit.enabled;
  limits.attempts_per_minute = config.ratelimit.logins_per_minute;
  return limits;
}

}  // namespace

ReaderParts::ReaderParts(storage::Store& store, const config::Config& config)
    : hasher_(auth::PasswordCost::Interactive(), config.accounts.hash_threads),
      sessions_(store.sessions(), SessionOptionsFrom(config)),
      accounts_(store.users(), hasher_, sessions_, AccountLimitsFrom(config), SystemClock::Get()),
      registration_(config.accounts.registration) {
  // Expired sessions are refused anyway; this only keeps the table small.
  auto swept = store.sessions().DeleteExpired(UnixNow());
  if (!swept.ok())
    spdlog::warn("sessions: could not remove expired ones: {}", swept.error().ToString());
}

web::ReaderServices ReaderParts::services() {
  return web::ReaderServices{accounts_, sessions_, registration_};
}

}  // namespace warta::app
