#include "i18n/number_format.h"

#include <unicode/dcfmtsym.h>
#include <unicode/decimfmt.h>

#include <limits>
#include <memory>

#include "i18n/icu_util.h"

namespace warta::i18n::internal {
namespace {

constexpr std::int64_t kSamples[] = {0,
                                     7,
                                     -7,
                                     999,
                                     1000,
                                     -1000,
                                     9999,
                                     10000,
                                     12345,
                                     123456,
                                     1234567,
                                     -1234567890,
                                     std::numeric_limits<std::int64_t>::max(),
                                     std::numeric_limits<std::int64_t>::min()};

}  // namespace

Result<GroupedNumberFormat> GroupedNumberFormat::Create(const icu::Locale& locale) {
  GroupedNumberFormat out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::DecimalFormatSymbols symbols(locale, status);
  std::unique_ptr<icu::NumberFormat> format(icu::NumberFormat::createInstance(locale, status));
  out.icu_ = icu::number::NumberFormatter::withLocale(locale);
  if (U_FAILURE(status) || !format) {
    return Error::Internal("i18n: number format: " + StatusText(status));
  }
  out.separator_ = ToUtf8(symbols.getSymbol(icu::DecimalFormatSymbols::kGroupingSeparatorSymbol));
  out.minus_ = ToUtf8(symbols.getSymbol(icu::DecimalFormatSymbols::kMinusSignSymbol));
  if (const auto* decimal = dynamic_cast<const icu::DecimalFormat*>(format.get())) {
    out.grouping_ = decimal->isGroupingUsed() && decimal->getGroupingSize() > 0;
    out.primary_ = decimal->getGroupingSize();
    const int secondary = decimal->getSecondaryGroupingSize();
    out.secondary_ = secondary > 0 ? secondary : out.primary_;
  }
  const bool ascii_digits =
      ToUtf8(symbols.getSymbol(icu::DecimalFormatSymbols::kZeroDigitSymbol)) == "0";
  // ICU 72 reports the minimum grouping digits as "auto" (-1); find it by trying both.
  for (int min_grouping : {1, 2}) {
    out.min_grouping_ = min_grouping;
    bool all_match = ascii_digits;
    for (std::int64_t sample : kSamples) {
      if (!all_match) break;
      all_match = out.FastFormat(sample) == out.IcuFormat(sample);
    }
    if (all_match) {
      out.icu_.reset();
      return out;
    }
  }
  return out;  // keeps icu_: the slow but correct path
}

std::string GroupedNumberFormat::Format(std::int64_t n) const {
  return icu_ ? IcuFormat(n) : FastFormat(n);
}

std::string GroupedNumberFormat::FastFormat(std::int64_t n) const {
  // Magnitude as unsigned so that INT64_MIN has one.
  std::uint64_t magnitude =
      n < 0 ? 0 - static_cast<std::uint64_t>(n) : static_cast<std::uint64_t>(n);
  char digits[20];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);

  std::string out;
  out.reserve(static_cast<std::size_t>(count) * 2 + minus_.size());
  if (n < 0) out += minus_;
  const bool group = grouping_ && count >= primary_ + min_grouping_;
  for (int i = count - 1; i >= 0; --i) {
    out += digits[i];
    if (!group || i == 0) continue;
    // i digits remain to the right: a separator goes here if they end a group.
    const bool at_primary = i == primary_;
    const bool at_secondary = i > primary_ && (i - primary_) % secondary_ == 0;
    if (at_primary || at_secondary) out += separator_;
  }
  return out;
}

std::string GroupedNumberFormat::IcuFormat(std::int64_t n) const {
  if (!icu_) return FastFormat(n);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString text = icu_->formatInt(n, status).toString(status);
  return U_SUCCESS(status) ? ToUtf8(text) : std::to_string(n);
}

}  // namespace warta::i18n::internal
