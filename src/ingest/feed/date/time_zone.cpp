// TimeZone on ICU's zone data (the only ICU i18n use in the feed module).
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include "ingest/feed/date/date.h"

namespace warta::ingest::feed::date {

struct TimeZone::Impl {
  std::unique_ptr<icu::TimeZone> zone;
};

TimeZone::TimeZone(std::string_view iana_name) {
  if (iana_name.empty() || iana_name == "UTC" || iana_name == "Etc/UTC") return;
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(
      icu::StringPiece(iana_name.data(), static_cast<int32_t>(iana_name.size())))));
  // ICU answers unknown names with "Etc/Unknown", which behaves as UTC.
  if (!zone || *zone == icu::TimeZone::getUnknown()) return;
  impl_ = std::make_unique<Impl>();
  impl_->zone = std::move(zone);
}

TimeZone::~TimeZone() = default;
TimeZone::TimeZone(TimeZone&&) noexcept = default;
TimeZone& TimeZone::operator=(TimeZone&&) noexcept = default;

std::int32_t TimeZone::OffsetAtLocal(std::int64_t local) const {
  if (!impl_) return 0;
  int32_t raw = 0;
  int32_t dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  impl_->zone->getOffset(static_cast<UDate>(local) * 1000.0, /*local=*/true, raw, dst, status);
  if (U_FAILURE(status)) return 0;
  return (raw + dst) / 1000;
}

}  // namespace warta::ingest::feed::date
