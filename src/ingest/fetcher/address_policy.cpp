#include "ingest/fetcher/address_policy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <cstring>

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

}  // namespace warta::ingest::fetcher
