// Calendar days as the dashboard counts them (engagement_days.day): days since 1970-01-01
// in the site's time zone. Storage takes the day from its caller and knows no time zone;
// i18n::Formatter::DayNumber computes it for a zone, UtcDay for UTC.
#pragma once

#include <cstdint>
#include <functional>

namespace warta {

// The day of an instant (unix seconds): given to the services that write per-day totals.
using DayOf = std::function<std::int64_t(std::int64_t unix_seconds)>;

inline constexpr std::int64_t kSecondsPerDay = 86'400;

// Days since 1970-01-01 UTC of `unix_seconds`; floor division, so 1969 is day -1.
constexpr std::int64_t UtcDay(std::int64_t unix_seconds) {
  const std::int64_t day = unix_seconds / kSecondsPerDay;
  return (unix_seconds % kSecondsPerDay < 0) ? day - 1 : day;
}

}  // namespace warta
