// Internal: integer formatting with the locale's digit grouping, without an ICU call per
// number. The grouping rules come from ICU once and are checked against ICU's own output; a
// locale our fast path does not match (other digits, unusual grouping) uses ICU per call.
#pragma once

#include <unicode/locid.h>
#include <unicode/numberformatter.h>

#include <cstdint>
#include <optional>
#include <string>

#include "core/result.h"

namespace warta::i18n::internal {

class GroupedNumberFormat {
 public:
  GroupedNumberFormat() = default;
  static Result<GroupedNumberFormat> Create(const icu::Locale& locale);

  // Thread-safe (LocalizedNumberFormatter is documented as thread-safe).
  std::string Format(std::int64_t n) const;
  bool uses_icu() const { return icu_.has_value(); }

 private:
  std::string FastFormat(std::int64_t n) const;
  std::string IcuFormat(std::int64_t n) const;

  std::string separator_ = ",";
  std::string minus_ = "-";
  int primary_ = 3;
  int secondary_ = 3;
  int min_grouping_ = 1;
  bool grouping_ = true;
  std::optional<icu::number::LocalizedNumberFormatter> icu_;
};

}  // namespace warta::i18n::internal
