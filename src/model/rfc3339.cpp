// RFC 3339 is parsed by hand because it is a tiny, fixed grammar and no Debian library
// parses it strictly without locale or time-zone side effects (strptime ignores offsets,
// std::chrono::parse is not in g++ 12).
#include <cstdint>
#include <string>
#include <string_view>

#include "model/article_json.h"

namespace warta::model {
namespace {

bool ReadDigits(std::string_view text, std::size_t pos, std::size_t count, int* out) {
  if (pos + count > text.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  *out = value;
  return true;
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

Error BadDate(std::string_view text, const char* why) {
  std::string shown(text.substr(0, 64));
  return MakeError(ErrorCode::kInvalidArgument, "'" + shown + "' is not an RFC 3339 date-time (" +
                                                    why +
                                                    "), expected e.g. 2024-11-01T12:00:00+09:00");
}

}  // namespace

Result<std::int64_t> ParseRfc3339(std::string_view text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (text.size() < 20) return BadDate(text, "too short");
  if (!ReadDigits(text, 0, 4, &year) || text[4] != '-' || !ReadDigits(text, 5, 2, &month) ||
      text[7] != '-' || !ReadDigits(text, 8, 2, &day)) {
    return BadDate(text, "bad date part");
  }
  if (text[10] != 'T' && text[10] != 't') return BadDate(text, "missing 'T'");
  if (!ReadDigits(text, 11, 2, &hour) || text[13] != ':' || !ReadDigits(text, 14, 2, &minute) ||
      text[16] != ':' || !ReadDigits(text, 17, 2, &second)) {
    return BadDate(text, "bad time part");
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) {
    return BadDate(text, "no such day");
  }
  if (hour > 23 || minute > 59 || second > 60) return BadDate(text, "no such time");
  std::size_t pos = 19;
  if (text[pos] == '.') {
    std::size_t start = ++pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start) return BadDate(text, "empty fraction");
  }
  if (pos >= text.size()) return BadDate(text, "missing time zone offset");
  int offset_seconds = 0;
  char zone = text[pos];
  if (zone == 'Z' || zone == 'z') {
    ++pos;
  } else if (zone == '+' || zone == '-') {
    int off_h = 0, off_m = 0;
    if (!ReadDigits(text, pos + 1, 2, &off_h) || pos + 3 >= text.size() || text[pos + 3] != ':' ||
        !ReadDigits(text, pos + 4, 2, &off_m)) {
      return BadDate(text, "bad offset, expected +HH:MM");
    }
    if (off_h > 23 || off_m > 59) return BadDate(text, "bad offset");
    offset_seconds = (off_h * 3600 + off_m * 60) * (zone == '-' ? -1 : 1);
    pos += 6;
  } else {
    return BadDate(text, "missing time zone offset");
  }
  if (pos != text.size()) return BadDate(text, "trailing characters");
  const std::int64_t days =
      DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  return days * 86400 + std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second -
         offset_seconds;
}

}  // namespace warta::model
