#include "ingest/fetcher/address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <string>

namespace warta::ingest::fetcher {
namespace {

struct Block4 {
  std::uint32_t network;
  int bits;
};

// IANA IPv4 special-purpose registry, minus the globally reachable entries.
constexpr std::array<Block4, 16> kNonPublic4 = {{
    {0x00000000, 8},   // "this network"
    {0x0A000000, 8},   // private
    {0x64400000, 10},  // carrier-grade NAT
    {0x7F000000, 8},   // loopback
    {0xA9FE0000, 16},  // link-local (cloud metadata lives at 169.254.169.254)
    {0xAC100000, 12},  // private
    {0xC0000000, 24},  // IETF protocol assignments
    {0xC0000200, 24},  // documentation (TEST-NET-1)
    {0xC0586300, 24},  // 6to4 relay anycast (deprecated)
    {0xC0A80000, 16},  // private
    {0xC6120000, 15},  // benchmarking
    {0xC6336400, 24},  // documentation (TEST-NET-2)
    {0xCB007100, 24},  // documentation (TEST-NET-3)
    {0xE0000000, 4},   // multicast
    {0xF0000000, 4},   // reserved, and 255.255.255.255 broadcast
    {0xFFFFFFFF, 32},
}};

bool IsPublic4(std::uint32_t address) {
  for (const Block4& block : kNonPublic4) {
    const std::uint32_t mask = block.bits == 0 ? 0 : ~std::uint32_t{0} << (32 - block.bits);
    if ((address & mask) == block.network) return false;
  }
  return true;
}

std::uint32_t Embedded4(const std::uint8_t* bytes) {
  return (std::uint32_t{bytes[0]} << 24) | (std::uint32_t{bytes[1]} << 16) |
         (std::uint32_t{bytes[2]} << 8) | std::uint32_t{bytes[3]};
}

bool StartsWith(const std::uint8_t* bytes, std::initializer_list<std::uint8_t> prefix) {
  std::size_t i = 0;
  for (std::uint8_t b : prefix) {
    if (bytes[i++] != b) return false;
  }
  return true;
}

bool IsPublic6(const std::uint8_t* b) {
  static constexpr std::uint8_t kZero[16] = {};
  // :: and ::1, and the deprecated IPv4-compatible ::a.b.c.d
  if (std::memcmp(b, kZero, 12) == 0) {
    const std::uint32_t tail = Embedded4(b + 12);
    return tail > 1 && IsPublic4(tail);
  }
  // ::ffff:a.b.c.d (mapped) and 64:ff9b::a.b.c.d (NAT64): judge the IPv4 address.
  if (std::memcmp(b, kZero, 10) == 0 && b[10] == 0xff && b[11] == 0xff) {
    return IsPublic4(Embedded4(b + 12));
  }
  if (StartsWith(b, {0x00, 0x64, 0xff, 0x9b}) && std::memcmp(b + 4, kZero, 8) == 0) {
    return IsPublic4(Embedded4(b + 12));
  }
  if ((b[0] & 0xfe) == 0xfc) return false;                    // fc00::/7 unique local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return false;    // fe80::/10 link-local
  if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return false;    // fec0::/10 site-local (old)
  if (b[0] == 0xff) return false;                             // multicast
  if (StartsWith(b, {0x20, 0x01, 0x0d, 0xb8})) return false;  // documentation
  if (StartsWith(b, {0x01, 0x00}) && std::memcmp(b + 2, kZero, 6) == 0) return false;  // discard
  // 2002::/16 (6to4) carries an IPv4 address in bits 16..47.
  if (StartsWith(b, {0x20, 0x02})) return IsPublic4(Embedded4(b + 2));
  return true;
}

}  // namespace

bool IsPublicAddress(const sockaddr* address) {
  if (address == nullptr) return false;
  if (address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    return IsPublic4(ntohl(in.sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    return IsPublic6(in6.sin6_addr.s6_addr);
  }
  return false;
}

std::string AddressToString(const sockaddr* address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address == nullptr) return "?";
  if (address->sa_family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    inet_ntop(AF_INET, &in.sin_addr, text, sizeof text);
  } else if (address->sa_family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    inet_ntop(AF_INET6, &in6.sin6_addr, text, sizeof text);
  } else {
    return "?";
  }
  return text;
}

bool IsPublicHost(std::string_view host) {
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);  // "localhost." too
  std::string lower(host);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "localhost" ||
      (lower.size() > 10 && lower.compare(lower.size() - 10, 10, ".localhost") == 0)) {
    return false;
  }
  if (lower.size() > 2 && lower.front() == '[' && lower.back() == ']') {
    lower = lower.substr(1, lower.size() - 2);
  }
  sockaddr_in v4{};
  if (inet_pton(AF_INET, lower.c_str(), &v4.sin_addr) == 1) {
    v4.sin_family = AF_INET;
    return IsPublicAddress(reinterpret_cast<const sockaddr*>(&v4));
  }
  sockaddr_in6 v6{};
  if (inet_pton(AF_INET6, lower.c_str(), &v6.sin6_addr) == 1) {
    v6.sin6_family = AF_INET6;
    return IsPublicAddress(reinterpret_cast<const sockaddr*>(&v6));
  }
  // inet_pton takes only dotted quads; resolvers also read "127.1", "2130706433" and
  // "0x7f.1" as IPv4. A name made only of digits, dots and hex notation is such a form.
  if (!lower.empty() && lower.find_first_not_of("0123456789.xabcdef") == std::string::npos &&
      lower.find_first_of("0123456789") == 0) {
    in_addr legacy{};
    if (inet_aton(lower.c_str(), &legacy) != 0) {
      v4.sin_family = AF_INET;
      v4.sin_addr = legacy;
      return IsPublicAddress(reinterpret_cast<const sockaddr*>(&v4));
    }
  }
  return true;
}

Result<void> CheckFeedUrlHost(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return Ok();
  std::string_view authority = url.substr(scheme + 3);
  authority = authority.substr(0, authority.find_first_of("/?#"));
  const std::size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  std::string_view host = authority;
  if (!host.empty() && host.front() == '[') {
    host = host.substr(0, host.find(']') + 1);
  } else {
    host = host.substr(0, host.find(':'));
  }
  if (IsPublicHost(host)) return Ok();
  return Error::InvalidArgument(
      "source: 'url' is a loopback, private or link-local address, which the fetcher refuses "
      "(fetch.allow_private is off)");
}

}  // namespace warta::ingest::fetcher
