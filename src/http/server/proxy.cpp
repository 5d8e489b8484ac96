#include "http/server/proxy.h"

#include <arpa/inet.h>

#include <charconv>

#include "core/ascii.h"

namespace warta::http::server {
namespace {

// The address part of text without brackets or port; empty when it cannot be one.
std::string_view AddressPart(std::string_view text) {
  text = ascii::Trim(text, ascii::IsHttpSpace);
  if (!text.empty() && text.front() == '[') {
    std::size_t close = text.find(']');
    if (close == std::string_view::npos) return {};
    return text.substr(1, close - 1);
  }
  std::size_t colon = text.find(':');
  if (colon != std::string_view::npos && text.find(':', colon + 1) == std::string_view::npos) {
    return text.substr(0, colon);  // IPv4 with a port
  }
  return text;
}

}  // namespace

std::optional<IpBytes> ParseIp(std::string_view text) {
  text = AddressPart(text);
  if (text.empty() || text.size() >= INET6_ADDRSTRLEN) return std::nullopt;
  char buf[INET6_ADDRSTRLEN];
  text.copy(buf, text.size());
  buf[text.size()] = '\0';
  IpBytes ip{};
  in_addr v4{};
  if (inet_pton(AF_INET, buf, &v4) == 1) {
    ip[10] = 0xff;
    ip[11] = 0xff;
    const auto* b = reinterpret_cast<const std::uint8_t*>(&v4.s_addr);
    std::copy(b, b + 4, ip.begin() + 12);
    return ip;
  }
  in6_addr v6{};
  if (inet_pton(AF_INET6, buf, &v6) == 1) {
    std::copy(v6.s6_addr, v6.s6_addr + 16, ip.begin());
    return ip;
  }
  return std::nullopt;
}

Result<TrustedProxies> TrustedProxies::Parse(const std::vector<std::string>& entries) {
  TrustedProxies proxies;
  for (const std::string& entry : entries) {
    std::string_view text = ascii::Trim(entry, ascii::IsHttpSpace);
    std::size_t slash = text.find('/');
    auto ip = ParseIp(text.substr(0, slash));
    bool v4 = text.find(':') == std::string_view::npos;
    int max_bits = v4 ? 32 : 128;
    int bits = max_bits;
    if (slash != std::string_view::npos) {
      std::string_view digits = text.substr(slash + 1);
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), bits);
      if (ec != std::errc() || end != digits.data() + digits.size() || bits < 0 ||
          bits > max_bits) {
        ip.reset();
      }
    }
    if (!ip) {
      return Error::InvalidArgument("http: trusted_proxies: not an address or CIDR range: '" +
                                    entry + "'");
    }
    proxies.ranges_.push_back(Range{*ip, v4 ? bits + 96 : bits});
  }
  return proxies;
}

bool TrustedProxies::Contains(const IpBytes& ip) const {
  for (const Range& r : ranges_) {
    int bits = r.prefix_bits;
    std::size_t i = 0;
    for (; bits >= 8; bits -= 8, ++i) {
      if (ip[i] != r.base[i]) break;
    }
    if (bits >= 8) continue;
    if (bits == 0) return true;
    auto mask = static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((ip[i] & mask) == (r.base[i] & mask)) return true;
  }
  return false;
}

std::string_view TrustedProxies::ClientAddress(std::string_view peer,
                                               std::string_view forwarded_for) const {
  std::string_view client = peer;
  while (!forwarded_for.empty()) {
    std::size_t comma = forwarded_for.rfind(',');
    std::string_view hop = forwarded_for.substr(comma == std::string_view::npos ? 0 : comma + 1);
    forwarded_for = forwarded_for.substr(0, comma == std::string_view::npos ? 0 : comma);
    auto ip = ParseIp(hop);
    if (!ip) break;
    client = AddressPart(hop);
    if (!Contains(*ip)) break;
  }
  return client;
}

}  // namespace warta::http::server
