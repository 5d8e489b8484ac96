#include "i18n/accept_language.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "core/ascii.h"
#include "core/limits.h"

namespace warta::i18n {
namespace {

// A language range's primary subtag, lower case, without allocating ("*" for the wildcard).
struct Primary {
  std::array<char, 8> text{};
  std::size_t size = 0;
  std::string_view view() const { return {text.data(), size}; }
};

struct Range {
  Primary primary;
  int q = 1000;  // thousandths
};

using ascii::IsAlpha;
using ascii::IsDigit;

// Elements and parameters are padded with HTTP's optional white space: SP and HTAB.
std::string_view TrimSpace(std::string_view s) { return ascii::Trim(s, ascii::IsHttpSpace); }

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
std::optional<Primary> ParsePrimary(std::string_view range) {
  Primary primary;
  if (range == "*") {
    primary.text[0] = '*';
    primary.size = 1;
    return primary;
  }
  std::size_t i = 0;
  for (; i < range.size() && range[i] != '-'; ++i) {
    if (!IsAlpha(range[i]) || primary.size == primary.text.size()) return std::nullopt;
    primary.text[primary.size++] = static_cast<char>(range[i] | 0x20);  // ASCII lower case
  }
  if (primary.size == 0) return std::nullopt;
  std::size_t subtag = 0;
  for (; i < range.size(); ++i) {
    const char c = range[i];
    if (c == '-') {
      if (i > 0 && range[i - 1] == '-') return std::nullopt;
      subtag = 0;
    } else if (ascii::IsAlnum(c) && ++subtag <= 8) {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (range.back() == '-') return std::nullopt;
  if (primary.view() == "in") primary.text[1] = 'd';  // the pre-1989 code for Indonesian
  return primary;
}

// One element: range *( OWS ";" OWS parameter ). Parameters other than q are ignored.
std::optional<Range> ParseElement(std::string_view element) {
  const std::size_t semicolon = element.find(';');
  auto primary = ParsePrimary(TrimSpace(element.substr(0, semicolon)));
  if (!primary) return std::nullopt;
  Range range{*primary, 1000};
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

// One pass, no allocation: per offered locale the q of the first range naming it, and the q
// of the first "*"; positions break ties.
std::string Negotiate(std::string_view header, std::span<const std::string> offered) {
  constexpr std::size_t kMaxOffered = 16;
  constexpr int kUnnamed = -1;
  if (header.size() > limits::kMaxAcceptLanguageBytes || offered.size() > kMaxOffered) return {};
  std::array<int, kMaxOffered> named_q;
  std::array<std::size_t, kMaxOffered> named_position{};
  named_q.fill(kUnnamed);
  int wildcard_q = kUnnamed;
  std::size_t wildcard_position = 0;
  std::size_t position = 0;
  while (!header.empty() && position < limits::kMaxAcceptLanguageRanges) {
    const std::size_t comma = header.find(',');
    const std::string_view element = TrimSpace(header.substr(0, comma));
    const std::optional<Range> range = element.empty() ? std::nullopt : ParseElement(element);
    if (range) {
      if (range->primary.view() == "*") {
        if (wildcard_q == kUnnamed) {
          wildcard_q = range->q;
          wildcard_position = position;
        }
      } else {
        for (std::size_t k = 0; k < offered.size(); ++k) {
          if (offered[k] == range->primary.view() && named_q[k] == kUnnamed) {
            named_q[k] = range->q;
            named_position[k] = position;
          }
        }
      }
      ++position;
    }
    if (comma == std::string_view::npos) break;
    header.remove_prefix(comma + 1);
  }
  std::size_t best = offered.size();
  for (std::size_t k = 0; k < offered.size(); ++k) {
    if (named_q[k] <= 0) continue;
    if (best == offered.size() || named_q[k] > named_q[best] ||
        (named_q[k] == named_q[best] && named_position[k] < named_position[best])) {
      best = k;
    }
  }
  const int best_q = best == offered.size() ? 0 : named_q[best];
  const bool wildcard_wins =
      wildcard_q > 0 && (wildcard_q > best_q || (wildcard_q == best_q && best != offered.size() &&
                                                 wildcard_position < named_position[best]));
  if (wildcard_wins) {
    for (std::size_t k = 0; k < offered.size(); ++k) {
      if (named_q[k] == kUnnamed) return offered[k];
    }
  }
  return best == offered.size() ? std::string() : offered[best];
}

// The last answer of this thread. This runs for every page view, and most browsers of one
// site's readers send the same few headers, so a repeat costs one comparison.
struct Memo {
  std::string header;
  std::vector<std::string> offered;
  std::string answer;
};

}  // namespace

std::string NegotiateLanguage(std::string_view header, std::span<const std::string> offered) {
  if (header.size() > limits::kMaxAcceptLanguageBytes) return {};
  thread_local Memo memo;
  if (header == memo.header &&
      std::equal(offered.begin(), offered.end(), memo.offered.begin(), memo.offered.end())) {
    return memo.answer;
  }
  memo.answer = Negotiate(header, offered);
  memo.header.assign(header);
  memo.offered.assign(offered.begin(), offered.end());
  return memo.answer;
}

}  // namespace warta::i18n
