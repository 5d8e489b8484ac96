#include "http/message.h"

#include <array>
#include <cstdio>
#include <ctime>

#include "core/ascii.h"

namespace warta::http {
namespace {

using ascii::EqualsIgnoreCase;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

constexpr const char* kPlainText = "text/plain; charset=utf-8";

Response ResponseOf(int status, const char* content_type, std::string body) {
  Response response;
  response.status = status;
  response.content_type = content_type;
  response.body = std::move(body);
  return response;
}

// Calls fn(piece) for each piece of text between separators; stops when fn returns true.
template <typename Fn>
bool ForEachPiece(std::string_view text, char separator, Fn&& fn) {
  while (true) {
    std::size_t end = text.find(separator);
    if (fn(text.substr(0, end))) return true;
    if (end == std::string_view::npos) return false;
    text.remove_prefix(end + 1);
  }
}

constexpr std::array<std::string_view, 7> kDays = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Reads exactly n digits at text[pos]; -1 when they are not all digits.
int Digits(std::string_view text, std::size_t pos, std::size_t n) {
  int value = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

void Response::ReplaceInBody(std::size_t at, std::size_t size, std::string_view text) {
  body.replace(at, size, text);
  std::size_t i = 0;
  while (i < pieces.size() && pieces[i].offset + pieces[i].size <= at &&
         !(pieces[i].size == 0 && pieces[i].offset == at)) {
    ++i;
  }
  if (i == pieces.size() || pieces[i].fixed != nullptr || pieces[i].offset > at ||
      at + size > pieces[i].offset + pieces[i].size) {
    pieces.clear();
    pieces_owner.reset();
    return;
  }
  pieces[i].size = pieces[i].size - size + text.size();
  for (std::size_t j = i + 1; j < pieces.size(); ++j) {
    pieces[j].offset = pieces[j].offset - size + text.size();
  }
}

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet:
      return "GET";
    case Method::kHead:
      return "HEAD";
    case Method::kPost:
      return "POST";
    case Method::kPut:
      return "PUT";
    case Method::kPatch:
      return "PATCH";
    case Method::kDelete:
      return "DELETE";
    case Method::kOptions:
      return "OPTIONS";
    case Method::kOther:
      return "OTHER";
  }
  return "OTHER";
}

std::string_view Request::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

std::string_view Request::Cookie(std::string_view name) const {
  std::string_view found;
  for (const auto& [key, value] : headers) {
    if (!EqualsIgnoreCase(key, "cookie")) continue;
    bool hit = ForEachPiece(value, ';', [&](std::string_view pair) {
      pair = ascii::Trim(pair, ascii::IsHttpSpace);
      std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos ||
          ascii::Trim(pair.substr(0, eq), ascii::IsHttpSpace) != name) {
        return false;
      }
      found = ascii::Trim(pair.substr(eq + 1), ascii::IsHttpSpace);
      // RFC 6265 allows a value in double quotes; the quotes are not part of it.
      if (found.size() >= 2 && found.front() == '"' && found.back() == '"') {
        found = found.substr(1, found.size() - 2);
      }
      return true;
    });
    if (hit) break;
  }
  return found;
}

std::string Request::QueryParam(std::string_view name) const {
  std::string result;
  ForEachPiece(query, '&', [&](std::string_view pair) {
    std::size_t eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    bool match = key.find_first_of("%+") == std::string_view::npos
                     ? key == name
                     : PercentDecode(key, true) == name;
    if (!match) return false;
    if (eq != std::string_view::npos) result = PercentDecode(pair.substr(eq + 1), true);
    return true;
  });
  return result;
}

void Response::SetHeader(std::string name, std::string value) {
  for (auto& [key, existing] : headers) {
    if (EqualsIgnoreCase(key, name)) {
      existing = std::move(value);
      return;
    }
  }
  headers.emplace_back(std::move(name), std::move(value));
}

std::string_view Response::Header(std::string_view name) const {
  for (const auto& [key, value] : headers) {
    if (EqualsIgnoreCase(key, name)) return value;
  }
  return {};
}

Response TextResponse(int status, std::string body) {
  return ResponseOf(status, kPlainText, std::move(body));
}

Response JsonResponse(int status, std::string body) {
  return ResponseOf(status, "application/json", std::move(body));
}

Response RedirectResponse(int status, std::string location) {
  Response response = ResponseOf(status, kPlainText, {});
  response.SetHeader("Location", std::move(location));
  return response;
}

std::string PercentDecode(std::string_view text, bool form) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int hi = HexValue(text[i + 1]);
      int lo = HexValue(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(form && c == '+' ? ' ' : c);
  }
  return out;
}

std::string FormatHttpDate(std::int64_t unix_seconds) {
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d GMT",
                kDays[static_cast<std::size_t>(tm.tm_wday)].data(), tm.tm_mday,
                kMonths[static_cast<std::size_t>(tm.tm_mon)].data(), tm.tm_year + 1900, tm.tm_hour,
                tm.tm_min, tm.tm_sec);
  return buf;
}

std::optional<std::int64_t> ParseHttpDate(std::string_view text) {
  // "Sun, 06 Nov 1994 08:49:37 GMT": fixed width, so positions are fixed too.
  if (text.size() != 29 || text.substr(3, 2) != ", " || text.substr(25) != " GMT" ||
      text[7] != ' ' || text[11] != ' ' || text[16] != ' ' || text[19] != ':' || text[22] != ':') {
    return std::nullopt;
  }
  int month = -1;
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (text.substr(8, 3) == kMonths[m]) month = static_cast<int>(m);
  }
  int day = Digits(text, 5, 2);
  int year = Digits(text, 12, 4);
  int hour = Digits(text, 17, 2);
  int minute = Digits(text, 20, 2);
  int second = Digits(text, 23, 2);
  if (month < 0 || day < 1 || day > 31 || year < 1970 || hour < 0 || hour > 23 || minute < 0 ||
      minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = month;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return static_cast<std::int64_t>(timegm(&tm));
}

}  // namespace warta::http
