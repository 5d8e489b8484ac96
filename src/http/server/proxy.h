// Which peers may tell us the client's address (X-Forwarded-For) and scheme
// (X-Forwarded-Proto): the reverse proxies the operator listed in server.trusted_proxies.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace warta::http::server {

// An IPv4 or IPv6 address as 16 bytes (IPv4 as ::ffff:a.b.c.d).
using IpBytes = std::array<std::uint8_t, 16>;

// Parses "1.2.3.4", "::1", "[::1]", and tolerates a port on IPv4 ("1.2.3.4:80") and on
// bracketed IPv6 ("[::1]:80"), as some proxies send them.
std::optional<IpBytes> ParseIp(std::string_view text);

class TrustedProxies {
 public:
  // Entries are addresses or CIDR ranges ("10.0.0.0/8", "fd00::/8").
  static Result<TrustedProxies> Parse(const std::vector<std::string>& entries);

  bool empty() const { return ranges_.empty(); }
  bool Contains(const IpBytes& ip) const;

  // The client address for a request from a trusted peer: X-Forwarded-For read from the
  // right, skipping trusted proxies, so a client cannot forge its address by sending its own
  // X-Forwarded-For (the first untrusted hop is the client). Falls back to `peer` when the
  // header is absent or unparseable.
  std::string_view ClientAddress(std::string_view peer, std::string_view forwarded_for) const;

 private:
  struct Range {
    IpBytes base;
    int prefix_bits;
  };
  std::vector<Range> ranges_;
};

}  // namespace warta::http::server
