#include "model/liker.h"

#include <charconv>
#include <limits>

namespace warta::model {
namespace {

constexpr auto kMaxUserId = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());

}  // namespace

bool Liker::valid() const { return kind == Kind::kVisitor || (id >= 1 && id <= kMaxUserId); }

std::string ToText(const Liker& liker) {
  return (liker.kind == Liker::Kind::kAccount ? "u:" : "v:") + std::to_string(liker.id);
}

std::optional<Liker> ParseLiker(std::string_view text) {
  if (text.size() < 3 || text[1] != ':') return std::nullopt;
  Liker liker;
  if (text[0] == 'u') {
    liker.kind = Liker::Kind::kAccount;
  } else if (text[0] != 'v') {
    return std::nullopt;
  }
  const std::string_view digits = text.substr(2);
  // What ToText writes and nothing else, so each liker has one key.
  if (digits.size() > 1 && digits[0] == '0') return std::nullopt;
  const char* end = digits.data() + digits.size();
  auto [stop, error] = std::from_chars(digits.data(), end, liker.id);
  if (error != std::errc() || stop != end || !liker.valid()) return std::nullopt;
  return liker;
}

}  // namespace warta::model
