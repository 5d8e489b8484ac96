// Who a like or a comment report belongs to: an account or an anonymous visitor. A reader
// likes an article once, whichever node answers, because the store keys likes by this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace warta::model {

struct Liker {
  enum class Kind { kAccount, kVisitor };

  Kind kind = Kind::kVisitor;
  // The account's user id (kAccount, valid when positive) or the visitor id
  // (engagement/visitor.h: any 64-bit value).
  std::uint64_t id = 0;

  static Liker Account(std::int64_t user_id) {
    return Liker{Kind::kAccount, static_cast<std::uint64_t>(user_id)};
  }
  static Liker Visitor(std::uint64_t visitor_id) { return Liker{Kind::kVisitor, visitor_id}; }

  // False for an account id outside 1..INT64_MAX: such a liker is never stored.
  bool valid() const;

  friend bool operator==(const Liker&, const Liker&) = default;
};

// "u:<user id>" or "v:<visitor id>" in decimal: the stored key (likes.liker,
// comment_reports.reporter) and the key of per-reader rate limits.
std::string ToText(const Liker& liker);
// nullopt for anything else, including an invalid account id, signs, leading zeros and
// numbers out of range.
std::optional<Liker> ParseLiker(std::string_view text);

}  // namespace warta::model
