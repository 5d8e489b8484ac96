// Reading the response headers that steer polling and parsing. Hostile input: every
// function bounds what it reads and returns nullopt / "" for anything malformed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace warta::ingest::fetcher {

// IMF-fixdate, RFC 850 and asctime forms (RFC 9110 §5.6.7) -> unix seconds.
std::optional<std::int64_t> ParseHttpDate(std::string_view text);

// max-age of a Cache-Control value (s-maxage is for shared caches, not us); nullopt when
// absent or malformed; 0 for no-cache / no-store.
std::optional<std::int64_t> ParseMaxAge(std::string_view cache_control);

// Retry-After as a unix time: delay-seconds added to `now`, or an HTTP date.
std::optional<std::int64_t> ParseRetryAfter(std::string_view value, std::int64_t now);

// "Application/RSS+XML; charset=UTF-8" -> "application/rss+xml".
std::string MediaType(std::string_view content_type);
// The charset parameter, unquoted, as given ("Shift_JIS"); "" when absent.
std::string Charset(std::string_view content_type);

// True when a header value can be sent back as is: no CR, LF or other control characters
// (an ETag echoed from a hostile server must not inject headers), at most 1 KB.
bool IsSafeHeaderValue(std::string_view value);

}  // namespace warta::ingest::fetcher
