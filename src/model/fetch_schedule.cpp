#include "model/fetch_schedule.h"

#include <algorithm>

namespace warta::model {
namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
constexpr std::uint32_t kAllHours = (std::uint32_t{1} << 24) - 1;
constexpr std::uint8_t kAllDays = 0x7f;

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

}  // namespace

std::int64_t RegularIntervalSeconds(const SchedulePolicy& policy, int refresh_minutes,
                                    const FetchHints& hints) {
  const std::int64_t floor = std::max<std::int64_t>(policy.floor_minutes, 1) * kMinute;
  std::int64_t interval =
      std::int64_t{refresh_minutes > 0 ? refresh_minutes : policy.default_minutes} * kMinute;
  // Hints only ever lengthen the interval (a server asking to be polled less often is
  // obeyed; one asking for more is not), and only up to max_hint so one bad header cannot
  // silence a source for a year.
  const std::int64_t max_hint = std::int64_t{policy.max_hint_minutes} * kMinute;
  if (hints.ttl_minutes && *hints.ttl_minutes > 0) {
    interval = std::max(interval, std::min<std::int64_t>(*hints.ttl_minutes * kMinute, max_hint));
  }
  if (hints.max_age_seconds && *hints.max_age_seconds > 0) {
    interval = std::max(interval, std::min(*hints.max_age_seconds, max_hint));
  }
  return std::max(interval, floor);
}

std::int64_t BackoffSeconds(const SchedulePolicy& policy, std::int64_t interval_seconds,
                            int errors) {
  const std::int64_t cap =
      std::max(std::int64_t{policy.max_backoff_minutes} * kMinute, interval_seconds);
  std::int64_t wait = interval_seconds;
  for (int i = 1; i < errors && wait < cap; ++i) wait *= 2;
  return std::min(wait, cap);
}

std::int64_t SkipForward(std::int64_t t, std::uint32_t skip_hours, std::uint8_t skip_days) {
  skip_hours &= kAllHours;
  skip_days &= kAllDays;
  if (skip_hours == kAllHours || skip_days == kAllDays) return t;
  // At most 7 days of whole hours to walk; each step moves to the next hour's start.
  for (int step = 0; step < 24 * 8; ++step) {
    const std::int64_t day = FloorDiv(t, kDay);
    const int hour = static_cast<int>(FloorDiv(t - day * kDay, kHour));
    const int weekday = static_cast<int>(((day + 4) % 7 + 7) % 7);  // 1970-01-01 was Thursday
    const bool skip = ((skip_hours >> hour) & 1U) != 0 || ((skip_days >> weekday) & 1U) != 0;
    if (!skip) return t;
    t = (FloorDiv(t, kHour) + 1) * kHour;
  }
  return t;
}

ScheduleDecision Schedule(const SchedulePolicy& policy, int refresh_minutes, int previous_errors,
                          FetchOutcome outcome, const FetchHints& hints, std::int64_t now) {
  ScheduleDecision decision;
  const std::int64_t interval = RegularIntervalSeconds(policy, refresh_minutes, hints);
  std::int64_t wait = interval;
  switch (outcome) {
    case FetchOutcome::kOk:
    case FetchOutcome::kNotModified:
      decision.consecutive_errors = 0;
      break;
    case FetchOutcome::kGone:
      decision.disable = true;
      [[fallthrough]];
    case FetchOutcome::kError:
      decision.consecutive_errors = std::max(previous_errors, 0) + 1;
      wait = BackoffSeconds(policy, interval, decision.consecutive_errors);
      break;
  }
  std::int64_t next = now + wait;
  if (hints.retry_after_at && *hints.retry_after_at > next) {
    const std::int64_t max_hint = std::int64_t{policy.max_hint_minutes} * kMinute;
    next = std::min(*hints.retry_after_at, now + std::max(max_hint, wait));
  }
  decision.next_fetch_at = SkipForward(next, hints.skip_hours, hints.skip_days);
  return decision;
}

}  // namespace warta::model
