// Who is viewing: the signed `warta_vid` cookie when present and valid, otherwise a salted
// hash of address and user agent. No raw address is ever stored; the salt rotates daily so
// hashes cannot be joined across days.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

namespace warta::engagement {

struct VisitorId {
  std::uint64_t value = 0;
  bool from_cookie = false;  // false: derived from address + agent (no valid cookie sent)
};

class VisitorIdentifier {
 public:
  // secret: 32+ random bytes kept in the store (settings) so cookies stay valid across
  // restarts and nodes; it keys both the cookie signature and the daily address salt.
  explicit VisitorIdentifier(std::string secret);

  // now_unix: current time; the address salt is derived from secret + UTC day number.
  VisitorId Identify(std::string_view cookie_value, std::string_view address,
                     std::string_view user_agent, std::int64_t now_unix) const;

  // Cookie value for a visitor id: "<id hex>.<signature>". The id of a visitor first seen
  // without a cookie is their address hash, so the view they were counted for stays theirs.
  std::string MakeCookie(std::uint64_t visitor) const;

 private:
  std::string secret_;
};

// Known crawlers, link previewers and monitoring agents (case-insensitive substrings of the
// User-Agent). Empty agents count as bots too: browsers always send one.
bool IsCrawler(std::string_view user_agent);

}  // namespace warta::engagement
