// RFC 3339 timestamps, parsed strictly and written in UTC. By hand: ICU's parsers are
// lenient and locale-bound, and g++ 12's C++20 has no chrono::parse.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace warta {

// YYYY-MM-DD(T|t| )hh:mm:ss[.frac](Z|z|+hh:mm|-hh:mm) -> unix seconds. Fractions are
// dropped; a leap second (:60) reads as the next second. InvalidArgument otherwise.
Result<std::int64_t> ParseRfc3339(std::string_view text);

// "2024-11-01T03:00:00Z"; clamped to years 0000..9999.
std::string FormatRfc3339Utc(std::int64_t unix_seconds);

}  // namespace warta
