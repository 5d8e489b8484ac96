// "HOST:PORT" listen addresses. Only the syntax is checked here; whether the host resolves or
// the port is free is for the server to find out when it binds.
#include <algorithm>
#include <string>

#include "config/config.h"
#include "config/options.h"
#include "core/ascii.h"

namespace warta::config {
namespace internal {
namespace {

bool IsHostChar(char c) { return ascii::IsAlnum(c) || c == '.' || c == '-' || c == '_'; }

// Hex digits, colons, an embedded IPv4 tail and a zone ("fe80::1%eth0").
bool IsIpv6Char(char c) { return ascii::IsAlnum(c) || c == ':' || c == '.' || c == '%'; }

}  // namespace

std::string SplitListen(std::string_view listen, std::string& host, std::uint16_t& port) {
  const std::string quoted = "'" + std::string(listen) + "'";
  const auto colon = listen.rfind(':');
  if (colon == std::string_view::npos || listen.back() == ']')
    return "missing port in listen address " + quoted;
  std::string_view host_part = listen.substr(0, colon);
  const std::string_view port_part = listen.substr(colon + 1);

  if (!host_part.empty() && host_part.front() == '[') {
    if (host_part.size() < 3 || host_part.back() != ']') {
      return "bad IPv6 address in listen address " + quoted;
    }
    host_part = host_part.substr(1, host_part.size() - 2);
    if (!std::all_of(host_part.begin(), host_part.end(), IsIpv6Char) ||
        host_part.find(':') == std::string_view::npos) {
      return "bad IPv6 address in listen address " + quoted;
    }
  } else if (host_part.find(':') != std::string_view::npos) {
    return "IPv6 addresses need brackets, as in [::1]:8080: " + quoted;
  } else if (!std::all_of(host_part.begin(), host_part.end(), IsHostChar)) {
    return "bad host in listen address " + quoted;
  }

  if (port_part.empty() || port_part.size() > 5 ||
      !std::all_of(port_part.begin(), port_part.end(), ascii::IsDigit)) {
    return "bad port in listen address " + quoted;
  }
  const unsigned long number = std::stoul(std::string(port_part));
  if (number > 65535) return "port out of range 0..65535 in listen address " + quoted;

  // ":8080" listens on every IPv4 interface, as Go's net.Listen and nginx read it.
  host = host_part.empty() ? "0.0.0.0" : std::string(host_part);
  port = static_cast<std::uint16_t>(number);
  return "";
}

}  // namespace internal

Result<std::pair<std::string, std::uint16_t>> ParseListen(const std::string& listen) {
  std::string host;
  std::uint16_t port = 0;
  if (std::string problem = internal::SplitListen(listen, host, port); !problem.empty()) {
    return Error::InvalidArgument("config: " + problem);
  }
  return std::make_pair(std::move(host), port);
}

}  // namespace warta::config
