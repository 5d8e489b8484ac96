// Wall-clock times in a site's time zone, as an HTML form shows and reads them: the admin's
// schedule field (<input type="datetime-local">) and the dashboard's day labels. ICU does
// the zone arithmetic (daylight saving included); nothing here reads the system's zone.
//
// Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace warta::i18n {

// "2026-12-06T17:45" or "2026-12-06T17:45:30" (what datetime-local sends), read as a wall
// time in `time_zone`, to unix seconds. A time that falls in a daylight-saving gap is read
// as the instant after the gap (ICU's lenient calendar). InvalidArgument for another shape,
// a field out of range (month 13, 24:00, 30 February), a year outside 1000..9999 or an
// unknown zone.
Result<std::int64_t> ParseLocalDateTime(std::string_view text, std::string_view time_zone);

// The wall time of `unix_seconds` in `time_zone` as datetime-local wants it:
// "2026-12-06T17:45:30" (seconds always, so a field with step="1" shows them). "" for an
// unknown zone.
std::string FormatLocalDateTime(std::int64_t unix_seconds, std::string_view time_zone);

// The civil date of a day number (days since 1970-01-01, core/day.h) as "2026-12-06".
std::string DayToIsoDate(std::int64_t day);

// A short label of a day number for charts in `locale`: "6 Des" (id), "Dec 6" (en),
// "12月6日" (ja) (ICU's "MMMd" skeleton).
std::string ShortDayLabel(std::int64_t day, std::string_view locale);

}  // namespace warta::i18n
