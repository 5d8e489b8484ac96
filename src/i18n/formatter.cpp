#include "i18n/formatter.h"

#include <unicode/datefmt.h>
#include <unicode/dcfmtsym.h>
#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>
#include <unicode/numberformatter.h>
#include <unicode/reldatefmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>

#include <algorithm>
#include <array>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/day.h"
#include "i18n/catalog.h"
#include "i18n/icu_util.h"
#include "i18n/number_format.h"

namespace warta::i18n {
namespace {

using internal::FromUtf8;
using internal::StatusText;
using internal::ToUtf8;

Error Invalid(std::string message) { return Error::InvalidArgument("i18n: " + std::move(message)); }

// ICU answers an unknown id with a copy of "Etc/Unknown" (which behaves as GMT) instead of an
// error; a site configured with a typo would silently show UTC dates, so we refuse.
Result<std::unique_ptr<icu::TimeZone>> MakeZone(std::string_view time_zone) {
  if (time_zone.empty()) return Invalid("empty time zone");
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(FromUtf8(time_zone)));
  icu::UnicodeString id;
  if (!zone || zone->getID(id) == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) {
    return Invalid("unknown time zone '" + std::string(time_zone) + "'");
  }
  return zone;
}

Result<std::vector<icu::UnicodeString>> MonthNames(const std::vector<std::string>& names) {
  if (names.size() != 12) {
    return Invalid("month name override needs 12 names, got " + std::to_string(names.size()));
  }
  std::vector<icu::UnicodeString> months;
  for (std::string_view name : names) {
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    if (name.empty()) return Invalid("empty month name in override");
    months.push_back(FromUtf8(name));
  }
  return months;
}

Result<std::unique_ptr<icu::SimpleDateFormat>> AsSimple(icu::DateFormat* format,
                                                        UErrorCode status) {
  std::unique_ptr<icu::DateFormat> owned(format);
  if (U_FAILURE(status) || !owned) {
    return Error::Internal("i18n: date format: " + StatusText(status));
  }
  auto* simple = dynamic_cast<icu::SimpleDateFormat*>(owned.get());
  if (simple == nullptr) {
    return Error::Internal("i18n: locale date format is not a pattern");
  }
  // The same object, now owned as what it is.
  return std::unique_ptr<icu::SimpleDateFormat>(
      static_cast<icu::SimpleDateFormat*>(owned.release()));
}

}  // namespace

struct Formatter::Impl {
  std::string locale;
  std::string time_zone;
  internal::GroupedNumberFormat numbers;
  // ICU's format() mutates internal state (the calendar); dates are formatted once per
  // rendered article, so one lock beats cloning per call.
  mutable std::mutex mu;
  std::unique_ptr<icu::SimpleDateFormat> long_date;  // guarded by mu
  std::unique_ptr<icu::SimpleDateFormat> date_time;  // guarded by mu
  std::unique_ptr<icu::TimeZone> zone;               // guarded by mu (DayNumber)
  // Immutable and thread-safe (reldatefmt.h), so no lock.
  std::unique_ptr<icu::RelativeDateTimeFormatter> relative;

  Result<void> ApplyOverrides(const icu::Locale& loc, const DateOverrides& overrides);
  std::string Format(const icu::DateFormat& format, std::int64_t unix_seconds) const;
};

Result<void> Formatter::Impl::ApplyOverrides(const icu::Locale& loc,
                                             const DateOverrides& overrides) {
  if (!overrides.date_pattern.empty()) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString time_pattern;
    WARTA_ASSIGN_OR_RETURN(
        auto short_time,
        AsSimple(icu::DateFormat::createTimeInstance(icu::DateFormat::kShort, loc), status));
    short_time->toPattern(time_pattern);
    const icu::UnicodeString pattern = FromUtf8(overrides.date_pattern);
    long_date->applyPattern(pattern);
    date_time->applyPattern(pattern + icu::UnicodeString(u" ") + time_pattern);
  }
  if (!overrides.month_names.empty()) {
    WARTA_ASSIGN_OR_RETURN(auto months, MonthNames(overrides.month_names));
    auto symbols = std::make_unique<icu::DateFormatSymbols>(*long_date->getDateFormatSymbols());
    for (auto context : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
      symbols->setMonths(months.data(), 12, context, icu::DateFormatSymbols::WIDE);
    }
    date_time->setDateFormatSymbols(*symbols);
    long_date->adoptDateFormatSymbols(symbols.release());
  }
  // A bad pattern only shows when formatting: try one date now rather than on a live page.
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString probe;
  long_date->format(0.0, probe, nullptr, status);
  if (U_FAILURE(status) || probe.isEmpty()) {
    return Invalid("date pattern '" + overrides.date_pattern + "': " + StatusText(status));
  }
  return Ok();
}

std::string Formatter::Impl::Format(const icu::DateFormat& format,
                                    std::int64_t unix_seconds) const {
  icu::UnicodeString out;
  std::lock_guard lock(mu);
  format.format(static_cast<UDate>(unix_seconds) * 1000.0, out);
  return ToUtf8(out);
}

Formatter::Formatter() : impl_(std::make_unique<Impl>()) {}
Formatter::~Formatter() = default;

Result<std::shared_ptr<const Formatter>> Formatter::Create(std::string_view locale,
                                                           std::string_view time_zone,
                                                           const DateOverrides& overrides) {
  const std::string normalized = NormalizeLocale(locale);
  if (normalized.empty()) return Invalid("unsupported locale '" + std::string(locale) + "'");
  WARTA_ASSIGN_OR_RETURN(auto zone, MakeZone(time_zone));

  std::shared_ptr<Formatter> formatter(new Formatter());
  Impl& impl = *formatter->impl_;
  impl.locale = normalized;
  impl.time_zone = std::string(time_zone);
  const icu::Locale loc(normalized.c_str());

  UErrorCode status = U_ZERO_ERROR;
  WARTA_ASSIGN_OR_RETURN(
      impl.long_date,
      AsSimple(icu::DateFormat::createDateInstance(icu::DateFormat::kLong, loc), status));
  WARTA_ASSIGN_OR_RETURN(impl.date_time,
                         AsSimple(icu::DateFormat::createDateTimeInstance(
                                      icu::DateFormat::kLong, icu::DateFormat::kShort, loc),
                                  status));
  impl.long_date->setTimeZone(*zone);
  impl.date_time->setTimeZone(*zone);
  impl.zone = std::move(zone);
  WARTA_RETURN_IF_ERROR(impl.ApplyOverrides(loc, overrides));

  impl.relative = std::make_unique<icu::RelativeDateTimeFormatter>(
      loc, nullptr, UDAT_STYLE_LONG, UDISPCTX_CAPITALIZATION_NONE, status);
  if (U_FAILURE(status)) {
    return Error::Internal("i18n: relative time format: " + StatusText(status));
  }

  WARTA_ASSIGN_OR_RETURN(impl.numbers, internal::GroupedNumberFormat::Create(loc));
  return std::shared_ptr<const Formatter>(std::move(formatter));
}

std::string Formatter::LongDate(std::int64_t unix_seconds) const {
  return impl_->Format(*impl_->long_date, unix_seconds);
}

std::string Formatter::DateTime(std::int64_t unix_seconds) const {
  return impl_->Format(*impl_->date_time, unix_seconds);
}

std::string Formatter::RelativeTime(std::int64_t then, std::int64_t now) const {
  const std::int64_t ago = std::max<std::int64_t>(0, now - then);
  UDateRelativeUnit unit = UDAT_RELATIVE_SECONDS;
  std::int64_t amount = ago;
  if (ago >= 86400) {
    unit = UDAT_RELATIVE_DAYS;
    amount = ago / 86400;
  } else if (ago >= 3600) {
    unit = UDAT_RELATIVE_HOURS;
    amount = ago / 3600;
  } else if (ago >= 60) {
    unit = UDAT_RELATIVE_MINUTES;
    amount = ago / 60;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString out;
  if (ago < 60) {
    impl_->relative->format(UDAT_DIRECTION_PLAIN, UDAT_ABSOLUTE_NOW, out, status);
  } else {
    impl_->relative->format(static_cast<double>(amount), UDAT_DIRECTION_LAST, unit, out, status);
  }
  // Never seen with valid units; an absolute date is still right, only less friendly.
  if (U_FAILURE(status) || out.isEmpty()) return LongDate(then);
  return ToUtf8(out);
}

std::string Formatter::ListDate(std::int64_t then, std::int64_t now) const {
  if (IsRecent(then, now)) return RelativeTime(then, now);
  return LongDate(then);
}

std::string Formatter::Number(std::int64_t n) const { return impl_->numbers.Format(n); }

const std::string& Formatter::locale() const { return impl_->locale; }
const std::string& Formatter::time_zone() const { return impl_->time_zone; }

std::int64_t Formatter::DayNumber(std::int64_t unix_seconds) const {
  std::int32_t raw = 0;
  std::int32_t dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  {
    std::lock_guard lock(impl_->mu);
    impl_->zone->getOffset(static_cast<UDate>(unix_seconds) * 1000.0, /*local=*/false, raw, dst,
                           status);
  }
  // An offset ICU cannot give (never for a zone Create accepted) counts the UTC day.
  const std::int64_t offset_seconds = U_SUCCESS(status) ? (std::int64_t{raw} + dst) / 1000 : 0;
  return UtcDay(unix_seconds + offset_seconds);
}

}  // namespace warta::i18n
