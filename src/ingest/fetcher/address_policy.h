// Which peer addresses the fetcher may connect to. Checked at connect time for every
// address a name resolves to, redirects included, so neither a hostile feed URL nor DNS
// rebinding can make warta reach the machine's own services or the private network (SSRF).
#pragma once

#include <string>

struct sockaddr;

namespace warta::ingest::fetcher {

// True for addresses on the public internet. False for loopback, private (RFC 1918, ULA),
// carrier-grade NAT, link-local, multicast, unspecified, broadcast, documentation and
// reserved ranges, and for IPv4-mapped/-compatible/NAT64 IPv6 forms of those. Unknown
// address families are not public.
bool IsPublicAddress(const sockaddr* address);

// The numeric form of an IPv4/IPv6 socket address ("127.0.0.1", "::1"), for messages.
std::string AddressToString(const sockaddr* address);

}  // namespace warta::ingest::fetcher
