// Publication dates as pages write them in metadata: ISO 8601 variants and RFC 822. Turned
// into RFC 3339 and read by core's strict parser, so the calendar arithmetic lives once.
#include <cstdio>
#include <string>

#include "core/ascii.h"
#include "core/rfc3339.h"
#include "ingest/extractor/extractor.h"
#include "ingest/extractor/text.h"

namespace warta::ingest::extractor {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view s) : s_(s) {}
  bool Done() const { return i_ >= s_.size(); }
  char Peek() const { return Done() ? '\0' : s_[i_]; }
  bool Take(char c) {
    if (Peek() != c) return false;
    ++i_;
    return true;
  }
  // Exactly n digits.
  bool Digits(int n, int& out) {
    out = 0;
    for (int k = 0; k < n; ++k) {
      const char c = Peek();
      if (c < '0' || c > '9') return false;
      out = out * 10 + (c - '0');
      ++i_;
    }
    return true;
  }
  void SkipDigits() {
    while (Peek() >= '0' && Peek() <= '9') ++i_;
  }
  void SkipSpaces() {
    while (Peek() == ' ' || Peek() == '\t') ++i_;
  }
  std::string_view Rest() const { return s_.substr(std::min(i_, s_.size())); }
  void Skip(std::size_t n) { i_ += n; }

 private:
  std::string_view s_;
  std::size_t i_ = 0;
};

// "Z", "+09:00", "+0900", "+09", "GMT", "UTC" or nothing (UTC) -> RFC 3339 zone; false on junk.
bool ReadZone(Reader& r, std::string& zone) {
  r.SkipSpaces();
  if (r.Done()) {
    zone = "Z";
    return true;
  }
  const std::string rest = ascii::Lower(r.Rest());
  if (rest == "z" || rest == "gmt" || rest == "utc" || rest == "ut") {
    zone = "Z";
    return true;
  }
  const char sign = r.Peek();
  if (sign != '+' && sign != '-') return false;
  r.Skip(1);
  int hours = 0;
  int minutes = 0;
  if (!r.Digits(2, hours)) return false;
  r.Take(':');
  if (!r.Done() && !r.Digits(2, minutes)) return false;
  if (!r.Done()) return false;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%c%02d:%02d", sign, hours, minutes);
  zone = buf;
  return true;
}

std::optional<std::int64_t> FromParts(int y, int mo, int d, int h, int mi, int s,
                                      const std::string& zone) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi, s,
                zone.c_str());
  auto parsed = ParseRfc3339(buf);
  if (!parsed.ok()) return std::nullopt;
  return parsed.value();
}

std::optional<std::int64_t> ParseIso(std::string_view text) {
  Reader r(text);
  int y = 0;
  int mo = 0;
  int d = 0;
  int h = 0;
  int mi = 0;
  int s = 0;
  if (!r.Digits(4, y) || !r.Take('-') || !r.Digits(2, mo) || !r.Take('-') || !r.Digits(2, d)) {
    return std::nullopt;
  }
  if (r.Take('T') || r.Take('t') || r.Take(' ')) {
    r.SkipSpaces();
    if (!r.Digits(2, h) || !r.Take(':') || !r.Digits(2, mi)) return std::nullopt;
    if (r.Take(':')) {
      if (!r.Digits(2, s)) return std::nullopt;
      if (r.Take('.') || r.Take(',')) r.SkipDigits();
    }
  }
  std::string zone;
  if (!ReadZone(r, zone)) return std::nullopt;
  return FromParts(y, mo, d, h, mi, s, zone);
}

int MonthNumber(std::string_view name) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string lower = ascii::Lower(name.substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (lower == kMonths[i]) return i + 1;
  }
  return 0;
}

// "[Fri, ]1 Nov 2024 12:00[:00] [+0900|GMT]"
std::optional<std::int64_t> ParseRfc822(std::string_view text) {
  if (const std::size_t comma = text.find(','); comma != std::string_view::npos && comma < 12) {
    text = TrimJsSpace(text.substr(comma + 1));
  }
  Reader r(text);
  int d = 0;
  if (!r.Digits(2, d)) {
    r = Reader(text);
    if (!r.Digits(1, d)) return std::nullopt;
  }
  r.SkipSpaces();
  const std::string_view rest = r.Rest();
  const int mo = MonthNumber(rest);
  if (mo == 0) return std::nullopt;
  std::size_t word = 0;
  while (word < rest.size() && rest[word] != ' ') ++word;
  r.Skip(word);
  r.SkipSpaces();
  int y = 0;
  int h = 0;
  int mi = 0;
  int s = 0;
  if (!r.Digits(4, y)) return std::nullopt;
  r.SkipSpaces();
  if (!r.Done() && r.Peek() >= '0' && r.Peek() <= '9') {
    if (!r.Digits(2, h) || !r.Take(':') || !r.Digits(2, mi)) return std::nullopt;
    if (r.Take(':') && !r.Digits(2, s)) return std::nullopt;
  }
  std::string zone;
  if (!ReadZone(r, zone)) return std::nullopt;
  return FromParts(y, mo, d, h, mi, s, zone);
}

}  // namespace

std::optional<std::int64_t> ParsePageDate(std::string_view text) {
  text = TrimJsSpace(text);
  if (text.empty() || text.size() > 64) return std::nullopt;
  if (auto iso = ParseIso(text)) return iso;
  return ParseRfc822(text);
}

}  // namespace warta::ingest::extractor
