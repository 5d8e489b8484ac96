// When a source is fetched next: the polling policy, pure and tested without I/O.
//
// Politeness and persistence pull in opposite directions: we must not poll a server more
// often than it asks (Cache-Control max-age, RSS <ttl>, <skipHours>, Retry-After) or more
// often than a floor, and we must never give up on a source after a run of errors (the
// most common complaint about aggregators: feeds that go silent for good). So errors back
// off exponentially up to a cap and then keep polling at the cap; only 410 Gone disables.
#pragma once

#include <cstdint>
#include <optional>

namespace warta::model {

struct SchedulePolicy {
  int default_minutes = 60;           // a source's interval when it sets none
  int floor_minutes = 15;             // never poll one source more often than this
  int max_backoff_minutes = 24 * 60;  // the longest wait after errors (polling goes on)
  int max_hint_minutes = 24 * 60;     // ttl / max-age / Retry-After never stretch beyond this
};

enum class FetchOutcome {
  kOk,           // fetched and parsed
  kNotModified,  // 304
  kError,        // transport error, HTTP error, unparseable feed
  kGone,         // 410: the publisher removed the feed
};

// What the response and the feed said about polling.
struct FetchHints {
  std::optional<std::int64_t> max_age_seconds;  // Cache-Control max-age
  std::optional<std::int64_t> retry_after_at;   // Retry-After as a unix time
  std::optional<int> ttl_minutes;               // RSS <ttl>
  std::uint32_t skip_hours = 0;                 // bit h set: RSS <skipHours> hour h (UTC)
  std::uint8_t skip_days = 0;                   // bit d set: <skipDays>, 0 = Sunday (UTC)
};

struct ScheduleDecision {
  std::int64_t next_fetch_at = 0;
  int consecutive_errors = 0;
  bool disable = false;
};

// The next fetch time after an attempt at `now` (unix seconds). refresh_minutes is the
// source's own interval (0: policy default); previous_errors its consecutive errors before
// this attempt.
ScheduleDecision Schedule(const SchedulePolicy& policy, int refresh_minutes, int previous_errors,
                          FetchOutcome outcome, const FetchHints& hints, std::int64_t now);

// The interval in seconds between successful fetches, before skipHours/skipDays.
std::int64_t RegularIntervalSeconds(const SchedulePolicy& policy, int refresh_minutes,
                                    const FetchHints& hints);

// The wait in seconds after the `errors`-th consecutive error (errors >= 1): the regular
// interval doubled per error after the first, capped at max(max_backoff, interval).
std::int64_t BackoffSeconds(const SchedulePolicy& policy, std::int64_t interval_seconds,
                            int errors);

// The first time >= t that is not in a skipped hour or day (UTC). Unchanged when every
// hour or every day is skipped (a feed cannot ask never to be read).
std::int64_t SkipForward(std::int64_t t, std::uint32_t skip_hours, std::uint8_t skip_days);

}  // namespace warta::model
