#include "i18n/local_time.h"

#include <unicode/calendar.h>
#include <unicode/dtptngen.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>

#include <cstdio>
#include <memory>

#include "core/day.h"
#include "i18n/icu_util.h"

namespace warta::i18n {
namespace {

using internal::FromUtf8;
using internal::ToUtf8;

Error Invalid(std::string message) { return Error::InvalidArgument("i18n: " + std::move(message)); }

// ICU answers an unknown id with "Etc/Unknown" (GMT); refused as Formatter does.
std::unique_ptr<icu::TimeZone> Zone(std::string_view time_zone) {
  if (time_zone.empty()) return nullptr;
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(FromUtf8(time_zone)));
  icu::UnicodeString id;
  if (!zone || zone->getID(id) == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) return nullptr;
  return zone;
}

// Reads `count` ASCII digits at text[at]; -1 when one is not a digit.
int Digits(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return -1;
  int value = 0;
  for (std::size_t i = at; i < at + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

bool IsLeap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

}  // namespace

Result<std::int64_t> ParseLocalDateTime(std::string_view text, std::string_view time_zone) {
  // YYYY-MM-DDTHH:MM[:SS]: 16 or 19 characters.
  if ((text.size() != 16 && text.size() != 19) || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != ' ') || text[13] != ':' ||
      (text.size() == 19 && text[16] != ':')) {
    return Invalid("expected a date and time as YYYY-MM-DDTHH:MM");
  }
  const int year = Digits(text, 0, 4);
  const int month = Digits(text, 5, 2);
  const int day = Digits(text, 8, 2);
  const int hour = Digits(text, 11, 2);
  const int minute = Digits(text, 14, 2);
  const int second = text.size() == 19 ? Digits(text, 17, 2) : 0;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59 || second < 0 || second > 59 || day > DaysIn(year, month)) {
    return Invalid("'" + std::string(text) + "' is not a valid date and time");
  }
  std::unique_ptr<icu::TimeZone> zone = Zone(time_zone);
  if (!zone) return Invalid("unknown time zone '" + std::string(time_zone) + "'");
  UErrorCode status = U_ZERO_ERROR;
  icu::GregorianCalendar calendar(zone.release(), status);
  if (U_FAILURE(status)) return Error::Internal("i18n: calendar: " + internal::StatusText(status));
  calendar.clear();
  calendar.set(year, month - 1, day, hour, minute, second);
  const UDate millis = calendar.getTime(status);
  if (U_FAILURE(status)) return Invalid("'" + std::string(text) + "' is not a valid date and time");
  return static_cast<std::int64_t>(millis / 1000.0);
}

std::string FormatLocalDateTime(std::int64_t unix_seconds, std::string_view time_zone) {
  std::unique_ptr<icu::TimeZone> zone = Zone(time_zone);
  if (!zone) return "";
  std::int32_t raw = 0;
  std::int32_t dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone->getOffset(static_cast<UDate>(unix_seconds) * 1000.0, /*local=*/false, raw, dst, status);
  if (U_FAILURE(status)) return "";
  const std::int64_t local = unix_seconds + (raw + dst) / 1000;
  const std::int64_t day = UtcDay(local);
  const std::int64_t in_day = local - day * kSecondsPerDay;
  char time[16];
  std::snprintf(time, sizeof time, "T%02d:%02d:%02d", static_cast<int>(in_day / 3600),
                static_cast<int>(in_day / 60 % 60), static_cast<int>(in_day % 60));
  return DayToIsoDate(day) + time;
}

std::string DayToIsoDate(std::int64_t day) {
  // Howard Hinnant's civil_from_days: exact for every day of the proleptic Gregorian calendar.
  const std::int64_t z = day + 719'468;
  const std::int64_t era = (z >= 0 ? z : z - 146'096) / 146'097;
  const std::int64_t doe = z - era * 146'097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36'524 - doe / 146'096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char out[64];  // room for any int64 fields, so the format can never truncate
  std::snprintf(out, sizeof out, "%04lld-%02lld-%02lld", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d));
  return out;
}

std::string ShortDayLabel(std::int64_t day, std::string_view locale) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale loc(std::string(locale).c_str());
  std::unique_ptr<icu::DateTimePatternGenerator> generator(
      icu::DateTimePatternGenerator::createInstance(loc, status));
  if (U_FAILURE(status)) return DayToIsoDate(day);
  const icu::UnicodeString pattern = generator->getBestPattern(u"MMMd", status);
  icu::SimpleDateFormat format(pattern, loc, status);
  if (U_FAILURE(status)) return DayToIsoDate(day);
  // The day's noon in GMT is that civil date whatever the site's zone: day numbers are
  // already local.
  format.adoptTimeZone(icu::TimeZone::createTimeZone(u"GMT"));
  icu::UnicodeString out;
  format.format(static_cast<UDate>(day * kSecondsPerDay + 43'200) * 1000.0, out);
  return ToUtf8(out);
}

}  // namespace warta::i18n
