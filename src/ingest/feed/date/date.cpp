#include "ingest/feed/date/date.h"

#include <array>
#include <string>
#include <utility>
#include <vector>

#include "core/ascii.h"
#include "ingest/feed/date/zones.h"

namespace warta::ingest::feed::date {
namespace {

using ascii::IsAlpha;
using ascii::IsDigit;

// Dates are the text of XML elements: XML white space around them.
std::string_view Trim(std::string_view s) { return ascii::Trim(s, ascii::IsXmlSpace); }

// Reads up to `max` digits at `*pos`; false if there are fewer than `min`.
bool ReadNumber(std::string_view s, std::size_t* pos, std::size_t min, std::size_t max, int* out) {
  std::size_t start = *pos;
  int value = 0;
  while (*pos < s.size() && *pos - start < max && IsDigit(s[*pos])) {
    value = value * 10 + (s[*pos] - '0');
    ++*pos;
  }
  if (*pos - start < min) return false;
  *out = value;
  return true;
}

struct Fields {
  int year = -1;
  int month = -1;
  int day = -1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::optional<std::int32_t> offset;  // seconds east of UTC
};

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int DaysInMonth(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

std::optional<std::int64_t> Compose(const Fields& f, const TimeZone& zone) {
  if (f.year < 1900 || f.year > 9999 || f.month < 1 || f.month > 12 || f.day < 1 ||
      f.day > DaysInMonth(f.year, f.month) || f.hour < 0 || f.hour > 24 || f.minute < 0 ||
      f.minute > 59 || f.second < 0 || f.second > 60) {
    return std::nullopt;
  }
  if (f.hour == 24 && (f.minute != 0 || f.second != 0)) return std::nullopt;
  std::int64_t local =
      DaysFromCivil(f.year, static_cast<unsigned>(f.month), static_cast<unsigned>(f.day)) * 86400 +
      std::int64_t{f.hour} * 3600 + std::int64_t{f.minute} * 60 + f.second;
  std::int32_t offset = f.offset ? *f.offset : zone.OffsetAtLocal(local);
  return local - offset;
}

// hh:mm[:ss[.fraction]] at *pos.
bool ReadClock(std::string_view s, std::size_t* pos, Fields* f) {
  if (!ReadNumber(s, pos, 1, 2, &f->hour)) return false;
  if (*pos >= s.size() || s[*pos] != ':') return false;
  ++*pos;
  if (!ReadNumber(s, pos, 2, 2, &f->minute)) return false;
  if (*pos < s.size() && s[*pos] == ':') {
    ++*pos;
    if (!ReadNumber(s, pos, 2, 2, &f->second)) return false;
    if (*pos < s.size() && (s[*pos] == '.' || s[*pos] == ',')) {
      ++*pos;
      while (*pos < s.size() && IsDigit(s[*pos])) ++*pos;
    }
  }
  return true;
}

// YYYY[-MM[-DD]] or YYYYMMDD, then [(T| )time][zone].
bool ParseIso(std::string_view s, Fields* f) {
  std::size_t pos = 0;
  if (!ReadNumber(s, &pos, 4, 4, &f->year)) return false;
  f->month = 1;
  f->day = 1;
  if (pos < s.size() && s[pos] == '-') {
    ++pos;
    if (!ReadNumber(s, &pos, 1, 2, &f->month)) return false;
    if (pos < s.size() && s[pos] == '-') {
      ++pos;
      if (!ReadNumber(s, &pos, 1, 2, &f->day)) return false;
    }
  } else if (pos < s.size() && IsDigit(s[pos])) {
    if (!ReadNumber(s, &pos, 2, 2, &f->month) || !ReadNumber(s, &pos, 2, 2, &f->day)) return false;
  }
  if (pos == s.size()) return true;
  if (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ') return false;
  ++pos;
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos < s.size() && IsDigit(s[pos])) {
    std::size_t digits = pos;
    while (digits < s.size() && IsDigit(s[digits])) ++digits;
    if (digits - pos == 6 || digits - pos == 4) {  // compact hhmm[ss]
      ReadNumber(s, &pos, 2, 2, &f->hour);
      ReadNumber(s, &pos, 2, 2, &f->minute);
      if (digits - pos == 2) ReadNumber(s, &pos, 2, 2, &f->second);
    } else if (!ReadClock(s, &pos, f)) {
      return false;
    }
  }
  std::string_view rest = Trim(s.substr(pos));
  if (rest.empty()) return true;
  std::int32_t offset = 0;
  if (!ParseZone(rest, &offset)) return false;
  f->offset = offset;
  return true;
}

int MonthFromWord(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (word.size() < 3) return 0;
  const std::string lower = ascii::Lower(word);
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i].starts_with(lower)) return static_cast<int>(i) + 1;
  }
  if (lower == "sept") return 9;
  return 0;
}

bool IsDayName(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (word.size() < 2) return false;
  const std::string lower = ascii::Lower(word);
  for (std::string_view day : kDays) {
    if (day.starts_with(lower) || (lower.size() > 3 && lower.starts_with(day.substr(0, 3)))) {
      return true;
    }
  }
  return false;
}

// Splits on white space and commas; "28-Feb-11" style tokens become three.
std::vector<std::string_view> Tokens(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size() && out.size() < 16) {
    while (i < s.size() &&
           (s[i] == ' ' || s[i] == ',' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) {
      ++i;
    }
    std::size_t start = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',' && s[i] != '\t' && s[i] != '\n' &&
           s[i] != '\r') {
      ++i;
    }
    if (i == start) continue;
    std::string_view token = s.substr(start, i - start);
    bool has_alpha = false;
    bool has_digit = false;
    for (char c : token) {
      has_alpha |= IsAlpha(c);
      has_digit |= IsDigit(c);
    }
    if (has_alpha && has_digit && token.find('-') != std::string_view::npos && IsDigit(token[0]) &&
        token.find(':') == std::string_view::npos) {
      std::size_t from = 0;
      std::size_t dash;
      // Pieces between doubled or trailing dashes are empty: no token (the readers look at a
      // token's first byte; "2nd-" once read one byte past the text).
      while ((dash = token.find('-', from)) != std::string_view::npos) {
        if (dash > from) out.push_back(token.substr(from, dash - from));
        from = dash + 1;
      }
      if (from < token.size()) out.push_back(token.substr(from));
    } else {
      out.push_back(token);
    }
  }
  return out;
}

// "11/01/2024" (month first, as US feeds write it, unless the first part is > 12),
// "2024/11/01", "01.11.2024" (day first).
bool ParseNumericDate(std::string_view token, Fields* f) {
  char sep = token.find('/') != std::string_view::npos ? '/' : '.';
  std::array<int, 3> parts{};
  std::array<std::size_t, 3> widths{};
  std::size_t pos = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    std::size_t start = pos;
    if (!ReadNumber(token, &pos, 1, 4, &parts[i])) return false;
    widths[i] = pos - start;
    if (i < 2) {
      if (pos >= token.size() || token[pos] != sep) return false;
      ++pos;
    }
  }
  if (pos != token.size()) return false;
  if (widths[0] == 4) {
    f->year = parts[0];
    f->month = parts[1];
    f->day = parts[2];
  } else {
    bool day_first = sep == '.' || parts[0] > 12;
    f->day = day_first ? parts[0] : parts[1];
    f->month = day_first ? parts[1] : parts[0];
    f->year = widths[2] <= 2 ? (parts[2] < 50 ? 2000 : 1900) + parts[2] : parts[2];
  }
  return true;
}

struct WordState {
  std::vector<std::pair<int, std::size_t>> numbers;  // value, digit count
  bool pm = false;
  bool am = false;
  bool has_time = false;
};

bool ReadTimeToken(std::string_view token, Fields* f, WordState* st) {
  std::size_t pos = 0;
  if (!ReadClock(token, &pos, f)) return false;
  st->has_time = true;
  std::string_view rest = token.substr(pos);
  if (rest.empty()) return true;
  const std::string lower = ascii::Lower(rest);
  if (lower == "am" || lower == "a.m.") return st->am = true;
  if (lower == "pm" || lower == "p.m.") return st->pm = true;
  std::int32_t offset = 0;
  if (!ParseZone(rest, &offset)) return false;
  f->offset = offset;
  return true;
}

bool ReadWordToken(std::string_view token, Fields* f, WordState* st) {
  if (token.front() == '(') return true;  // RFC 822 comment, e.g. "(JST)"
  if (IsDigit(token.front())) {
    if (token.find(':') != std::string_view::npos) return ReadTimeToken(token, f, st);
    if (token.find('/') != std::string_view::npos ||
        (token.find('.') != std::string_view::npos && token.find('.') + 1 < token.size())) {
      return ParseNumericDate(token, f);
    }
    std::size_t pos = 0;
    int value = 0;
    ReadNumber(token, &pos, 1, 4, &value);
    std::size_t digits = pos;
    std::string_view suffix = token.substr(pos);
    if (!(suffix.empty() || suffix == "." || suffix == "st" || suffix == "nd" || suffix == "rd" ||
          suffix == "th")) {
      return false;
    }
    st->numbers.emplace_back(value, digits);
    return true;
  }
  std::int32_t offset = 0;
  if ((token.front() == '+' || token.front() == '-') && ParseZone(token, &offset)) {
    f->offset = offset;
    return true;
  }
  std::string_view word = token;
  while (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (int month = MonthFromWord(word); month != 0) {
    f->month = month;
    return true;
  }
  if (IsDayName(word)) return true;
  const std::string lower = ascii::Lower(word);
  if (lower == "am") return st->am = true;
  if (lower == "pm") return st->pm = true;
  if (lower == "at" || lower == "of" || lower == "the") return true;
  if (ParseZone(word, &offset)) {
    f->offset = offset;
    return true;
  }
  // An unknown zone abbreviation: the date stays, read in the default zone.
  return word.size() >= 2 && word.size() <= 5;
}

bool ParseWords(std::string_view s, Fields* f) {
  WordState st;
  for (std::string_view token : Tokens(s)) {
    if (!ReadWordToken(token, f, &st)) return false;
  }
  if (f->year < 0) {
    // The year is the number with 3+ digits or over 31; the day is the first other one.
    std::size_t year_at = st.numbers.size();
    for (std::size_t i = 0; i < st.numbers.size(); ++i) {
      if (st.numbers[i].second >= 3 || st.numbers[i].first > 31) {
        year_at = i;
        break;
      }
    }
    if (year_at == st.numbers.size() && st.numbers.size() >= 2) year_at = 1;  // "05 Jan 04"
    if (year_at == st.numbers.size()) return false;
    auto [year, digits] = st.numbers[year_at];
    f->year = digits <= 2 ? (year < 50 ? 2000 : 1900) + year : year;
    for (std::size_t i = 0; i < st.numbers.size(); ++i) {
      if (i != year_at) {
        f->day = st.numbers[i].first;
        break;
      }
    }
  }
  if (st.pm && f->hour < 12) f->hour += 12;
  if (st.am && f->hour == 12) f->hour = 0;
  return f->year >= 0 && f->month > 0 && f->day > 0;
}

}  // namespace

std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day) {
  // Howard Hinnant's algorithm (http://howardhinnant.github.io/date_algorithms.html).
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> ParseDate(std::string_view text, const TimeZone& zone) {
  std::string_view s = Trim(text);
  if (s.empty() || s.size() > 100) return std::nullopt;
  Fields iso;
  if (s.size() >= 4 && IsDigit(s[0]) && IsDigit(s[1]) && IsDigit(s[2]) && IsDigit(s[3]) &&
      ParseIso(s, &iso)) {
    return Compose(iso, zone);
  }
  Fields words;
  if (ParseWords(s, &words)) return Compose(words, zone);
  return std::nullopt;
}

}  // namespace warta::ingest::feed::date
