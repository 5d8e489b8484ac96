// A read-only JSON tree for JSON Feed: one pass over the text, every node in one vector,
// strings as views into the text (or, when they hold escapes, into one buffer sized for the
// whole document), so a feed costs two allocations however many items it has. It replaced
// nlohmann::json, whose tree of maps and strings was a fifth of `warta feed parse` over the
// corpus (bench/feedparse.sh). simdjson (Debian's 3.0.1) was the other candidate: its DOM
// refuses integers beyond 64 bits, which nlohmann and this tree accept, so feeds that parsed
// before would have stopped parsing.
//
// It accepts exactly what nlohmann::json::parse accepted (RFC 8259: no comments, no trailing
// commas, strings of well-formed UTF-8 without raw control characters, surrogates only in
// pairs; a leading UTF-8 BOM is skipped), and reads values the same way: of repeated keys the
// last counts; an integer is kept as nlohmann's get<int64_t> gives it (one past INT64_MAX
// wraps as its uint64 cast does), and one beyond 64 bits is a float. json_tree_test checks
// both against nlohmann.
//
// Thread safety: a Tree is immutable once parsed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace warta::ingest::feed::jsonfeed {

class Tree {
 public:
  enum class Kind : std::uint8_t { kNull, kBool, kInteger, kFloat, kString, kArray, kObject };
  static constexpr std::uint32_t kNone = UINT32_MAX;

  struct Node {
    Kind kind = Kind::kNull;
    std::string_view key;   // the member name, for a member of an object
    std::string_view text;  // the value of a string
    std::int64_t integer = 0;
    std::uint32_t first = kNone;  // first element or member
    std::uint32_t next = kNone;   // next sibling in its array or object
  };

  // The tree of `text`, or nullopt when it is not one JSON value, or nests deeper than
  // `max_depth` arrays and objects (then *too_deep, when given, is set). `text` must outlive
  // the tree: strings point into it.
  static std::optional<Tree> Parse(std::string_view text, int max_depth, bool* too_deep = nullptr);

  const Node& root() const { return nodes_.front(); }
  const Node& at(std::uint32_t index) const { return nodes_[index]; }
  // The member `key` of an object (the last, if repeated), or null.
  const Node* Find(const Node& object, std::string_view key) const;

 private:
  friend class TreeParser;
  std::vector<Node> nodes_;
  // Unescaped strings, one after another. Sized for the whole text up front (unescaping never
  // makes a string longer), so it never moves, nor does it when the tree does.
  std::unique_ptr<char[]> unescaped_;
};

}  // namespace warta::ingest::feed::jsonfeed
