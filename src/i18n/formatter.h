// Locale- and zone-aware formatting through ICU: dates in the site's time zone, numbers with
// the locale's grouping ("1.234" in id). A Formatter is immutable after construction and
// safe to use from many threads (ICU formatters are cloned per call where ICU requires it).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace warta::i18n {

struct DateOverrides {
  // Optional ICU pattern replacing the locale's long date (e.g. "MMMM d, y").
  std::string date_pattern;
  // Optional 12 month names replacing the locale's wide ones (e.g. "Nopember" for
  // November), January first; empty keeps the locale's.
  std::vector<std::string> month_names;
};

class Formatter {
 public:
  // locale: "id", "en", "ja"; time_zone: IANA id ("Asia/Jakarta"). InvalidArgument for an
  // unknown zone (ICU falls back to GMT silently; we refuse instead).
  static Result<std::shared_ptr<const Formatter>> Create(std::string_view locale,
                                                         std::string_view time_zone,
                                                         const DateOverrides& overrides = {});
  ~Formatter();

  // "1 November 2024" (id), "November 1, 2024" (en), "2024年11月1日" (ja).
  std::string LongDate(std::int64_t unix_seconds) const;
  // Date and time for tooltips: "1 November 2024 10.00".
  std::string DateTime(std::int64_t unix_seconds) const;
  // How long ago `then` was, seen at `now`: "3 jam yang lalu" (id), "3 hours ago" (en),
  // "3 時間前" (ja), in seconds, minutes, hours or days (ICU RelativeDateTimeFormatter). A
  // `then` in the future (clock skew between sources and us) reads as now.
  std::string RelativeTime(std::int64_t then, std::int64_t now) const;
  // For lists: RelativeTime for the last kRecentSeconds, LongDate for anything older.
  static constexpr std::int64_t kRecentSeconds = std::int64_t{24} * 60 * 60;
  static bool IsRecent(std::int64_t then, std::int64_t now) {
    return now - then < kRecentSeconds && then - now < kRecentSeconds;
  }
  std::string ListDate(std::int64_t then, std::int64_t now) const;
  // RFC 3339 in UTC ("2024-11-01T03:00:00Z") for <time datetime> and APIs.
  static std::string Iso8601Utc(std::int64_t unix_seconds);
  // "1.234" in id, "1,234" in en. Fast: no ICU call per number (symbols cached).
  std::string Number(std::int64_t n) const;
  // Days since 1970-01-01 in the formatter's time zone (the local date of the instant, as a
  // day count): the day the dashboard's per-day totals count an event on (core/day.h).
  std::int64_t DayNumber(std::int64_t unix_seconds) const;

  const std::string& locale() const;
  const std::string& time_zone() const;

 private:
  Formatter();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A URL slug from a title: ICU transliteration to ASCII, lower case, words joined by '-',
// at most 80 bytes. Japanese titles are romanized. Empty when nothing usable remains.
std::string Slugify(std::string_view title);

}  // namespace warta::i18n
