// Who is viewing: the signed `warta_vid` cookie when present and valid, otherwise a salted
// hash of address and user agent. A new visitor's cookie holds a random id (NewVisitor), so
// readers behind one address with the same browser are told apart once they carry their
// cookies (issue 16, finding 5). No raw address is ever stored; the salt rotates daily so
// hashes cannot be joined across days.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace warta::engagement {

// Name of the visitor cookie (value format: "<16 lowercase hex id>.<22 char base64url MAC>").
inline constexpr std::string_view kVisitorCookieName = "warta_vid";

struct VisitorId {
  std::uint64_t value = 0;
  bool from_cookie = false;   // false: derived from address + agent (no valid cookie sent)
  std::uint64_t address = 0;  // the address + agent hash, whether or not a cookie came
};

// Thread safety: Identify and MakeCookie may be called from any thread concurrently; they
// take no lock except once per UTC day, when the new day's salt is published.
class VisitorIdentifier {
 public:
  // secret: 32+ random bytes kept in the store (settings) so cookies stay valid across
  // restarts and nodes; it keys both the cookie signature and the daily address salt.
  // Only keys derived from it are kept (the copy passed in is wiped).
  explicit VisitorIdentifier(std::string secret);
  ~VisitorIdentifier();
  VisitorIdentifier(const VisitorIdentifier&) = delete;
  VisitorIdentifier& operator=(const VisitorIdentifier&) = delete;

  // now_unix: current time; the address salt is derived from secret + UTC day number.
  // A cookie that is malformed or whose signature does not verify is ignored.
  VisitorId Identify(std::string_view cookie_value, std::string_view address,
                     std::string_view user_agent, std::int64_t now_unix) const;

  // Cookie value for a visitor id: "<id hex>.<signature>".
  std::string MakeCookie(std::uint64_t visitor) const;
  // A random, nonzero visitor id for a new visitor's cookie.
  static std::uint64_t NewVisitor();

  // The address hash alone (what Identify returns without a valid cookie).
  std::uint64_t AddressHash(std::string_view address, std::string_view user_agent,
                            std::int64_t now_unix) const;

 private:
  struct DaySalt {
    std::int64_t day = 0;
    std::array<unsigned char, 16> key{};  // SipHash key for this UTC day
  };

  std::array<unsigned char, 22> Sign(std::uint64_t visitor) const;
  std::array<unsigned char, 16> SaltFor(std::int64_t day) const;

  std::array<unsigned char, 16> cookie_key_{};  // SipHash-2-4 (128-bit tag) key
  std::array<unsigned char, 32> salt_master_{};
  // The current day's salt, read lock-free. Replaced (never freed before destruction, so a
  // reader can never see freed memory) only when the day moves forward: one small object a
  // day of uptime.
  mutable std::atomic<const DaySalt*> current_salt_{nullptr};
  mutable std::mutex salt_mutex_;
  mutable std::vector<std::unique_ptr<const DaySalt>> salts_;
};

// Known crawlers, link previewers and monitoring agents (case-insensitive substrings of the
// User-Agent). Empty agents count as bots too: browsers always send one. Command-line
// clients (curl, wget, python-urllib, wrk with a User-Agent) and headless browsers are not
// crawlers: tests and benchmarks use them to stand in for readers.
bool IsCrawler(std::string_view user_agent);

}  // namespace warta::engagement
