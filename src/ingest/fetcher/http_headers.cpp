#include "ingest/fetcher/http_headers.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include "core/ascii.h"

namespace warta::ingest::fetcher {
namespace {

using ascii::Lower;

constexpr std::int64_t kMaxDelta = std::int64_t{10} * 365 * 86400;

// Header values are padded with optional white space (RFC 9110 §5.6.3): SP and HTAB only.
std::string_view TrimOws(std::string_view s) { return ascii::Trim(s, ascii::IsHttpSpace); }

std::optional<std::int64_t> ParseDigits(std::string_view s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  return v;
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (H. Hinnant).
std::int64_t DaysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

int MonthIndex(std::string_view name) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string lower = Lower(name.substr(0, 3));
  for (std::size_t i = 0; i < kMonths.size(); ++i) {
    if (kMonths[i] == lower) return static_cast<int>(i) + 1;
  }
  return 0;
}

}  // namespace

std::optional<std::int64_t> ParseHttpDate(std::string_view text) {
  text = TrimOws(text);
  if (text.size() > 64) return std::nullopt;
  const std::string s(text);
  char weekday[16] = {}, month[16] = {}, zone[8] = {};
  int day = 0, year = 0, hour = 0, minute = 0, second = 0;
  // Sun, 06 Nov 1994 08:49:37 GMT
  if (std::sscanf(s.c_str(), "%15[A-Za-z], %d %15[A-Za-z] %d %d:%d:%d %7s", weekday, &day, month,
                  &year, &hour, &minute, &second, zone) == 8) {
  } else if (std::sscanf(s.c_str(), "%15[A-Za-z], %d-%15[A-Za-z]-%d %d:%d:%d %7s", weekday, &day,
                         month, &year, &hour, &minute, &second, zone) == 8) {
    year += year < 70 ? 2000 : (year < 100 ? 1900 : 0);  // RFC 850: Sunday, 06-Nov-94 ...
  } else if (std::sscanf(s.c_str(), "%15[A-Za-z] %15[A-Za-z] %d %d:%d:%d %d", weekday, month, &day,
                         &hour, &minute, &second, &year) == 7) {
    std::snprintf(zone, sizeof zone, "GMT");  // asctime has no zone and means GMT
  } else {
    return std::nullopt;
  }
  const std::string z = Lower(zone);
  const int m = MonthIndex(month);
  if ((z != "gmt" && z != "utc" && z != "ut" && z != "z") || m == 0 || day < 1 || day > 31 ||
      year < 1970 || year > 9999 || hour > 23 || minute > 59 || second > 60 || hour < 0 ||
      minute < 0 || second < 0) {
    return std::nullopt;
  }
  return DaysFromCivil(year, static_cast<unsigned>(m), static_cast<unsigned>(day)) * 86400 +
         std::int64_t{hour} * 3600 + std::int64_t{minute} * 60 + second;
}

std::optional<std::int64_t> ParseMaxAge(std::string_view cache_control) {
  if (cache_control.size() > 1024) return std::nullopt;
  std::optional<std::int64_t> max_age;
  bool no_cache = false;
  std::size_t start = 0;
  while (start <= cache_control.size()) {
    std::size_t comma = cache_control.find(',', start);
    if (comma == std::string_view::npos) comma = cache_control.size();
    std::string_view directive = TrimOws(cache_control.substr(start, comma - start));
    const std::size_t eq = directive.find('=');
    const std::string name = Lower(TrimOws(directive.substr(0, eq)));
    if (name == "no-cache" || name == "no-store") no_cache = true;
    if (name == "max-age" && eq != std::string_view::npos) {
      std::string_view value = TrimOws(directive.substr(eq + 1));
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      auto v = ParseDigits(value);
      if (v) max_age = std::min(*v, kMaxDelta);
    }
    start = comma + 1;
  }
  if (no_cache) return 0;
  return max_age;
}

std::optional<std::int64_t> ParseRetryAfter(std::string_view value, std::int64_t now) {
  value = TrimOws(value);
  if (auto seconds = ParseDigits(value)) return now + std::min(*seconds, kMaxDelta);
  return ParseHttpDate(value);
}

std::string MediaType(std::string_view content_type) {
  return Lower(TrimOws(content_type.substr(0, content_type.find(';'))));
}

std::string Charset(std::string_view content_type) {
  const std::string lower = Lower(content_type.substr(0, 1024));
  std::size_t pos = lower.find(';');
  while (pos != std::string::npos) {
    std::size_t next = lower.find(';', pos + 1);
    std::string_view param = TrimOws(std::string_view(lower).substr(
        pos + 1, (next == std::string::npos ? lower.size() : next) - pos - 1));
    if (param.substr(0, 8) == "charset=") {
      std::string_view original = TrimOws(content_type.substr(
          pos + 1, (next == std::string::npos ? lower.size() : next) - pos - 1));
      std::string_view v = TrimOws(original.substr(8));
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      return std::string(v.substr(0, 64));
    }
    pos = next;
  }
  return "";
}

bool IsSafeHeaderValue(std::string_view value) {
  if (value.size() > 1024) return false;
  return std::none_of(value.begin(), value.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return (u < 0x20 && c != '\t') || u == 0x7f;
  });
}

}  // namespace warta::ingest::fetcher
