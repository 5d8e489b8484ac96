// Feed dates in every form seen in the wild, to unix seconds.
//
// Hand-written: ICU's date parsing is pattern- and locale-bound, and feeds mix RFC 822 with
// its sloppy variants (two-digit years, missing seconds, wrong or missing day names, named
// zones, "+0900" and "+09:00"), RFC 3339, W3CDTF (year, year-month, date only) and
// asctime. Accepted, in short:
//   [Day,] DD Mon YYYY [hh:mm[:ss]] [zone]      Mon DD[,] YYYY [hh:mm[:ss]] [AM|PM] [zone]
//   Day Mon DD hh:mm:ss [zone] YYYY (asctime)   YYYY[-MM[-DD]][(T| )hh:mm[:ss[.f]]][zone]
//   YYYYMMDD[Thhmmss][zone]                      MM/DD/YYYY, DD.MM.YYYY [hh:mm[:ss]] [zone]
// Zones: Z, +hh, +hhmm, +hh:mm, GMT+9, UTC-05:00, and names (GMT UT UTC Z, the US zones,
// JST KST WIB WITA WIT, CET CEST BST IST EET MSK, AEST, ...; military letters read as UTC
// as RFC 2822 advises). Two-digit years: 00-49 are 20xx, 50-99 19xx (RFC 2822 §4.3).
// A date without a zone is wall time in the TimeZone given. Years outside 1900..9999 are
// not dates (Go's zero time "0001-01-01" is a common placeholder) and give nullopt.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

namespace warta::ingest::feed::date {

// The zone for dates that carry none: an IANA name resolved with ICU's time zone data
// (DST-aware), or UTC when empty or unknown. Immutable after construction; thread-safe.
class TimeZone {
 public:
  explicit TimeZone(std::string_view iana_name = {});
  ~TimeZone();
  TimeZone(TimeZone&&) noexcept;
  TimeZone& operator=(TimeZone&&) noexcept;

  bool is_utc() const { return impl_ == nullptr; }
  // Seconds east of UTC in effect at the wall-clock time `local` (seconds since the epoch,
  // counted as if that wall time were UTC).
  std::int32_t OffsetAtLocal(std::int64_t local) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Unix seconds, or nullopt when `text` is not a date we can read.
std::optional<std::int64_t> ParseDate(std::string_view text, const TimeZone& zone);

// Days since 1970-01-01 of a proleptic Gregorian date (no validation).
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day);

}  // namespace warta::ingest::feed::date
