// RFC 3339 timestamps by hand: ICU's parsers are lenient and locale-bound, and C++20 on
// g++ 12 has no chrono::parse; the grammar is small enough to check field by field.
#include "core/rfc3339.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>

namespace warta {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::sys_days;
using std::chrono::year;
using std::chrono::year_month_day;

// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range of a four-digit year.
constexpr std::int64_t kMinUnix = -62167219200;
constexpr std::int64_t kMaxUnix = 253402300799;

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool Digits(int count, int& value) {
    if (text_.size() < static_cast<std::size_t>(count)) return false;
    value = 0;
    for (int i = 0; i < count; ++i) {
      const char c = text_[static_cast<std::size_t>(i)];
      if (c < '0' || c > '9') return false;
      value = value * 10 + (c - '0');
    }
    text_.remove_prefix(static_cast<std::size_t>(count));
    return true;
  }
  bool Literal(char c) { return AnyOf(std::string_view(&c, 1)); }
  bool AnyOf(std::string_view chars) {
    if (text_.empty() || chars.find(text_.front()) == std::string_view::npos) return false;
    last_ = text_.front();
    text_.remove_prefix(1);
    return true;
  }
  // Fractional seconds: one or more digits, ignored (we store whole seconds).
  bool SkipFraction() {
    std::size_t n = 0;
    while (n < text_.size() && text_[n] >= '0' && text_[n] <= '9') ++n;
    text_.remove_prefix(n);
    return n > 0;
  }
  bool Done() const { return text_.empty(); }
  char last() const { return last_; }

 private:
  std::string_view text_;
  char last_ = 0;
};

Error Bad(std::string_view text, const char* why) {
  return Error::InvalidArgument("time: not an RFC 3339 time '" + std::string(text.substr(0, 64)) +
                                "': " + why);
}

}  // namespace

std::string FormatRfc3339Utc(std::int64_t unix_seconds) {
  if (unix_seconds < kMinUnix) unix_seconds = kMinUnix;
  if (unix_seconds > kMaxUnix) unix_seconds = kMaxUnix;
  const std::chrono::sys_seconds instant{std::chrono::seconds{unix_seconds}};
  const sys_days days = std::chrono::floor<std::chrono::days>(instant);
  const year_month_day ymd{days};
  const std::int64_t rest = (instant - days).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                static_cast<int>(rest % 60));
  return buf;
}

Result<std::int64_t> ParseRfc3339(std::string_view text) {
  Cursor in(text);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!in.Digits(4, y) || !in.Literal('-') || !in.Digits(2, mo) || !in.Literal('-') ||
      !in.Digits(2, d)) {
    return Bad(text, "expected YYYY-MM-DD");
  }
  // RFC 3339 allows a space for readability, and its ABNF letters are case-insensitive.
  if (!in.AnyOf("Tt ")) return Bad(text, "expected 'T' after the date");
  if (!in.Digits(2, h) || !in.Literal(':') || !in.Digits(2, mi) || !in.Literal(':') ||
      !in.Digits(2, s)) {
    return Bad(text, "expected hh:mm:ss");
  }
  if (in.Literal('.') && !in.SkipFraction()) return Bad(text, "empty fraction");
  int offset_minutes = 0;
  if (in.AnyOf("Zz")) {
    offset_minutes = 0;
  } else if (in.AnyOf("+-")) {
    const int sign = in.last() == '-' ? -1 : 1;
    int oh = 0, om = 0;
    if (!in.Digits(2, oh) || !in.Literal(':') || !in.Digits(2, om)) {
      return Bad(text, "expected offset +hh:mm");
    }
    if (oh > 23 || om > 59) return Bad(text, "offset out of range");
    offset_minutes = sign * (oh * 60 + om);
  } else {
    return Bad(text, "missing offset (Z or +hh:mm)");
  }
  if (!in.Done()) return Bad(text, "trailing characters");

  const year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)},
                           day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return Bad(text, "no such date");
  // Second 60 is a leap second; it reads as the first second of the next minute.
  if (h > 23 || mi > 59 || s > 60) return Bad(text, "time out of range");
  const std::int64_t days = sys_days{ymd}.time_since_epoch().count();
  return days * 86400 + std::int64_t{h} * 3600 + std::int64_t{mi} * 60 + s -
         std::int64_t{offset_minutes} * 60;
}

}  // namespace warta
