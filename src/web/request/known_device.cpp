#include "web/request/known_device.h"

#include "web/request/reader.h"

namespace warta::web {
namespace {

// Its own subject prefix keeps these tokens apart from CSRF tokens made with the same key.
std::string Subject(std::int64_t user_id) { return "device:" + std::to_string(user_id); }

}  // namespace

std::int64_t KnownDeviceUser(const Context& context, const http::Request& request) {
  std::string_view value = request.Cookie(kKnownDeviceCookie);
  const auto dot = value.find('.');
  if (dot == std::string_view::npos) return 0;
  auto id = ParseId(value.substr(0, dot));
  if (!id || !context.csrf.Verify(Subject(*id), value.substr(dot + 1))) return 0;
  return *id;
}

std::string KnownDeviceCookie(const Context& context, const http::Request& request,
                              std::int64_t user_id) {
  std::string cookie = std::string(kKnownDeviceCookie) + "=" + std::to_string(user_id) + "." +
                       context.csrf.Issue(Subject(user_id)) +
                       "; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax";
  if (request.secure) cookie += "; Secure";
  return cookie;
}

}  // namespace warta::web
