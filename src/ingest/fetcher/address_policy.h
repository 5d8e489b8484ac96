// Which peer addresses the fetcher may connect to. Checked at connect time for every
// address a name resolves to, redirects included, so neither a hostile feed URL nor DNS
// rebinding can make warta reach the machine's own services or the private network (SSRF).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

struct sockaddr;

namespace warta::ingest::fetcher {

// True for addresses on the public internet. False for loopback, private (RFC 1918, ULA),
// carrier-grade NAT, link-local, multicast, unspecified, broadcast, documentation and
// reserved ranges, and for IPv4-mapped/-compatible/NAT64 IPv6 forms of those. Unknown
// address families are not public.
bool IsPublicAddress(const sockaddr* address);

// The same rule for the host of a URL before anything connects (`source add`, the Admin API):
// an IP literal is judged by IsPublicAddress; "localhost" and names under ".localhost" are
// loopback; any other name is allowed here, because what it resolves to can change (DNS
// rebinding): the fetcher checks every address it connects to.
bool IsPublicHost(std::string_view host);

// InvalidArgument "source: 'url' is a loopback, private or link-local address …" when the
// URL's host is not public by IsPublicHost; ok for anything else (other checks are
// model::ValidateNewSource's).
Result<void> CheckFeedUrlHost(std::string_view url);

// The numeric form of an IPv4/IPv6 socket address ("127.0.0.1", "::1"), for messages.
std::string AddressToString(const sockaddr* address);

}  // namespace warta::ingest::fetcher
