#include "i18n/accept_language.h"

#include <algorithm>
#include <optional>
#include <vector>

#include "core/limits.h"

namespace warta::i18n {
namespace {

struct Range {
  std::string primary;  // lower case; "*" for the wildcard
  int q = 1000;         // thousandths
};

std::string_view TrimSpace(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), in thousandths.
std::optional<int> ParseQ(std::string_view text) {
  if (text.empty() || (text[0] != '0' && text[0] != '1')) return std::nullopt;
  int whole = text[0] - '0';
  if (text.size() == 1) return whole * 1000;
  if (text[1] != '.' || text.size() > 5) return std::nullopt;
  int fraction = 0;
  int scale = 100;
  for (char c : text.substr(2)) {
    if (!IsDigit(c)) return std::nullopt;
    fraction += (c - '0') * scale;
    scale /= 10;
  }
  if (whole == 1 && fraction != 0) return std::nullopt;
  return whole * 1000 + fraction;
}

// language-range = (1*8ALPHA *("-" 1*8alphanum)) / "*". Only the primary subtag is kept.
std::optional<std::string> ParsePrimary(std::string_view range) {
  if (range == "*") return std::string("*");
  std::string primary;
  std::size_t i = 0;
  for (; i < range.size() && range[i] != '-'; ++i) {
    if (!IsAlpha(range[i]) || primary.size() == 8) return std::nullopt;
    primary += static_cast<char>(range[i] | 0x20);  // ASCII lower case
  }
  if (primary.empty()) return std::nullopt;
  std::size_t subtag = 0;
  for (; i < range.size(); ++i) {
    const char c = range[i];
    if (c == '-') {
      if (i > 0 && range[i - 1] == '-') return std::nullopt;
      subtag = 0;
    } else if ((IsAlpha(c) || IsDigit(c)) && ++subtag <= 8) {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (range.back() == '-') return std::nullopt;
  if (primary == "in") primary = "id";  // the pre-1989 code for Indonesian, still sent
  return primary;
}

// One element: range *( OWS ";" OWS parameter ). Parameters other than q are ignored.
std::optional<Range> ParseElement(std::string_view element) {
  const std::size_t semicolon = element.find(';');
  auto primary = ParsePrimary(TrimSpace(element.substr(0, semicolon)));
  if (!primary) return std::nullopt;
  Range range{std::move(*primary), 1000};
  std::string_view params =
      semicolon == std::string_view::npos ? std::string_view{} : element.substr(semicolon + 1);
  while (!params.empty()) {
    const std::size_t next = params.find(';');
    const std::string_view param = TrimSpace(params.substr(0, next));
    if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      auto q = ParseQ(param.substr(2));
      if (!q) return std::nullopt;
      range.q = *q;
    }
    if (next == std::string_view::npos) break;
    params.remove_prefix(next + 1);
  }
  return range;
}

std::vector<Range> ParseHeader(std::string_view header) {
  std::vector<Range> ranges;
  if (header.size() > limits::kMaxAcceptLanguageBytes) return ranges;
  while (!header.empty() && ranges.size() < limits::kMaxAcceptLanguageRanges) {
    const std::size_t comma = header.find(',');
    const std::string_view element = TrimSpace(header.substr(0, comma));
    if (!element.empty()) {
      if (auto range = ParseElement(element)) ranges.push_back(std::move(*range));
    }
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  return ranges;
}

}  // namespace

std::string NegotiateLanguage(std::string_view header, std::span<const std::string> offered) {
  const std::vector<Range> ranges = ParseHeader(header);
  // The q of each offered locale: from the first range naming it, else from "*".
  std::optional<int> wildcard;
  std::size_t wildcard_position = 0;
  std::string best;
  int best_q = 0;
  std::size_t best_position = ranges.size();
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    if (ranges[i].primary == "*") {
      if (!wildcard) {
        wildcard = ranges[i].q;
        wildcard_position = i;
      }
      continue;
    }
    const bool named_before =
        std::any_of(ranges.begin(), ranges.begin() + static_cast<long>(i),
                    [&](const Range& r) { return r.primary == ranges[i].primary; });
    if (named_before) continue;
    if (std::find(offered.begin(), offered.end(), ranges[i].primary) == offered.end()) continue;
    if (ranges[i].q > best_q) {
      best = ranges[i].primary;
      best_q = ranges[i].q;
      best_position = i;
    }
  }
  if (wildcard && *wildcard > 0 &&
      (*wildcard > best_q || (*wildcard == best_q && wildcard_position < best_position))) {
    for (const std::string& locale : offered) {
      const bool named = std::any_of(ranges.begin(), ranges.end(),
                                     [&](const Range& r) { return r.primary == locale; });
      if (!named) return locale;
    }
  }
  return best;
}

}  // namespace warta::i18n
