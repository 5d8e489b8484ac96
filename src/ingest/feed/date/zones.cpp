#include "ingest/feed/date/zones.h"

#include <array>
#include <string>
#include <utility>

#include "core/ascii.h"

namespace warta::ingest::feed::date {
namespace {

// Abbreviations seen in feeds, in minutes east of UTC. Ambiguous ones take the reading
// RFC 822 or the most common feed usage gives them: CST is US Central (not China), IST is
// India (the largest user), BST British Summer Time. The US "generic" ET/CT/MT/PT are
// standard time, as feedparser reads them.
constexpr std::array<std::pair<std::string_view, int>, 64> kZones = {{
    {"z", 0},       {"ut", 0},      {"utc", 0},    {"gmt", 0},    {"wet", 0},    {"bst", 60},
    {"wat", 60},    {"cet", 60},    {"met", 60},   {"mez", 60},   {"west", 60},  {"cest", 120},
    {"mest", 120},  {"mesz", 120},  {"eet", 120},  {"cat", 120},  {"sast", 120}, {"ist", 330},
    {"eest", 180},  {"msk", 180},   {"eat", 180},  {"trt", 180},  {"gst", 240},  {"pkt", 300},
    {"npt", 345},   {"ict", 420},   {"wib", 420},  {"wita", 480}, {"sgt", 480},  {"hkt", 480},
    {"pht", 480},   {"myt", 480},   {"awst", 480}, {"wit", 540},  {"jst", 540},  {"kst", 540},
    {"acst", 570},  {"aest", 600},  {"acdt", 630}, {"aedt", 660}, {"nzst", 720}, {"nzdt", 780},
    {"est", -300},  {"edt", -240},  {"et", -300},  {"cst", -360}, {"cdt", -300}, {"ct", -360},
    {"mst", -420},  {"mdt", -360},  {"mt", -420},  {"pst", -480}, {"pdt", -420}, {"pt", -480},
    {"akst", -540}, {"akdt", -480}, {"hst", -600}, {"ast", -240}, {"adt", -180}, {"at", -240},
    {"nst", -210},  {"ndt", -150},  {"brt", -180}, {"art", -180},
}};

using ascii::IsDigit;

// "+hh", "+h", "+hhmm", "+hmm", "+hh:mm" (the sign included).
bool ParseOffset(std::string_view s, std::int32_t* out) {
  if (s.size() < 2 || (s[0] != '+' && s[0] != '-')) return false;
  int sign = s[0] == '-' ? -1 : 1;
  std::string digits;
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (IsDigit(s[i])) {
      digits.push_back(s[i]);
    } else if (s[i] != ':' || i == 1) {
      return false;
    }
  }
  int hours = 0;
  int minutes = 0;
  switch (digits.size()) {
    case 1:
    case 2:
      hours = std::stoi(digits);
      break;
    case 3:
      hours = digits[0] - '0';
      minutes = std::stoi(digits.substr(1));
      break;
    case 4:
      hours = std::stoi(digits.substr(0, 2));
      minutes = std::stoi(digits.substr(2));
      break;
    default:
      return false;
  }
  if (hours > 18 || minutes > 59) return false;
  *out = sign * (hours * 3600 + minutes * 60);
  return true;
}

}  // namespace

bool ParseZone(std::string_view text, std::int32_t* offset_seconds) {
  if (text.empty() || text.size() > 16) return false;
  if (text[0] == '+' || text[0] == '-') return ParseOffset(text, offset_seconds);
  std::string lower;
  for (char c : text) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  if (lower.starts_with("etc/")) lower.erase(0, 4);
  for (std::string_view prefix :
       {std::string_view("gmt"), std::string_view("utc"), std::string_view("ut")}) {
    if (lower.size() > prefix.size() && lower.starts_with(prefix) &&
        (lower[prefix.size()] == '+' || lower[prefix.size()] == '-')) {
      return ParseOffset(std::string_view(lower).substr(prefix.size()), offset_seconds);
    }
  }
  for (const auto& [name, minutes] : kZones) {
    if (lower == name) {
      *offset_seconds = minutes * 60;
      return true;
    }
  }
  // Military zones: RFC 2822 §4.3 says their meaning is unreliable; read them as UTC.
  if (lower.size() == 1 && lower[0] >= 'a' && lower[0] <= 'z' && lower[0] != 'j') {
    *offset_seconds = 0;
    return true;
  }
  return false;
}

}  // namespace warta::ingest::feed::date
