// Time zone designators in feed dates: numeric offsets and the names feeds use.
#pragma once

#include <cstdint>
#include <string_view>

namespace warta::ingest::feed::date {

// Reads a whole zone designator: "Z", "+09", "+0900", "+09:00", "-5", "GMT", "GMT+9",
// "UTC-05:00", "Etc/GMT", "JST", "WIB", "EST", ... (case-insensitive). Sets *offset_seconds
// (east of UTC) and returns true, or returns false for anything else.
bool ParseZone(std::string_view text, std::int32_t* offset_seconds);

}  // namespace warta::ingest::feed::date
