// The owner's proof of presence at login (issue 16, finding 3; auth/accounts.h): a cookie
// set on every successful login that names the account and carries an HMAC of it under the
// site secret. A browser that has it may log in to that account even while strangers'
// guesses have throttled the account for everyone else. It grants nothing else: the
// password is still checked, and the per-address and per-pair limits still apply.
#pragma once

#include <cstdint>
#include <string>

#include "http/message.h"
#include "web/context.h"

namespace warta::web {

inline constexpr std::string_view kKnownDeviceCookie = "warta_device";

// The account id the request's known-device cookie names when its signature verifies,
// else 0.
std::int64_t KnownDeviceUser(const Context& context, const http::Request& request);

// The Set-Cookie value that makes this browser a known device of user_id (a year).
std::string KnownDeviceCookie(const Context& context, const http::Request& request,
                              std::int64_t user_id);

}  // namespace warta::web
