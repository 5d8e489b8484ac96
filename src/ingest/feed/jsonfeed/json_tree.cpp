#include "ingest/feed/jsonfeed/json_tree.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>

#include "core/ascii.h"
#include "core/utf8.h"

namespace warta::ingest::feed::jsonfeed {

namespace {}  // namespace

// Recursive descent over the text; each method starts at its first character and leaves pos_
// after its last. Any false means the text is not JSON, and the tree is thrown away.
class TreeParser {
 public:
  TreeParser(std::string_view text, int max_depth, Tree* tree)
      : text_(text), max_depth_(max_depth), tree_(tree) {}

  bool too_deep() const { return too_deep_; }

  bool Run() {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
    SkipSpace();
    if (Value(0, {}) == Tree::kNone) return false;
    SkipSpace();
    return pos_ == text_.size();
  }

 private:
  using Kind = Tree::Kind;

  bool AtEnd() const { return pos_ >= text_.size(); }
  bool At(char c) const { return pos_ < text_.size() && text_[pos_] == c; }
  bool AtDigit() const { return pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9'; }
  void SkipSpace() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
      ++pos_;
    }
  }
  Tree::Node& node(std::uint32_t index) { return tree_->nodes_[index]; }

  // Appends the node of the value at pos_ (a member named `key`); its index, or kNone.
  std::uint32_t Value(int depth, std::string_view key) {
    if (AtEnd()) return Tree::kNone;
    const auto index = static_cast<std::uint32_t>(tree_->nodes_.size());
    tree_->nodes_.emplace_back();
    node(index).key = key;
    bool ok = false;
    switch (text_[pos_]) {
      case '{':
        ok = Container(index, depth + 1, Kind::kObject, '}');
        break;
      case '[':
        ok = Container(index, depth + 1, Kind::kArray, ']');
        break;
      case '"': {
        std::string_view text;
        ok = String(&text);
        node(index).kind = Kind::kString;
        node(index).text = text;
        break;
      }
      case 't':
        ok = Literal("true", index, Kind::kBool);
        node(index).integer = 1;
        break;
      case 'f':
        ok = Literal("false", index, Kind::kBool);
        break;
      case 'n':
        ok = Literal("null", index, Kind::kNull);
        break;
      default:
        ok = Number(index);
    }
    return ok ? index : Tree::kNone;
  }

  bool Literal(std::string_view word, std::uint32_t index, Kind kind) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    node(index).kind = kind;
    return true;
  }

  // An array or object: elements, or "name": value members, between commas.
  bool Container(std::uint32_t index, int depth, Kind kind, char close) {
    if (depth > max_depth_) {
      too_deep_ = true;
      return false;
    }
    node(index).kind = kind;
    ++pos_;
    SkipSpace();
    if (At(close)) {
      ++pos_;
      return true;
    }
    std::uint32_t last = Tree::kNone;
    for (;;) {
      SkipSpace();
      std::string_view key;
      if (kind == Kind::kObject) {
        if (!At('"') || !String(&key)) return false;
        SkipSpace();
        if (!At(':')) return false;
        ++pos_;
        SkipSpace();
      }
      const std::uint32_t child = Value(depth, key);
      if (child == Tree::kNone) return false;
      (last == Tree::kNone ? node(index).first : node(last).next) = child;
      last = child;
      SkipSpace();
      if (At(',')) {
        ++pos_;
        continue;
      }
      if (!At(close)) return false;
      ++pos_;
      return true;
    }
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, as nlohmann reads it: an integer that fits
  // in int64 (negative) or uint64 (otherwise) is an integer, anything else a float.
  bool Number(std::uint32_t index) {
    const bool negative = At('-');
    if (negative) ++pos_;
    if (!AtDigit()) return false;
    const std::size_t digits = pos_;
    if (text_[pos_] == '0') {
      ++pos_;
    } else {
      while (AtDigit()) ++pos_;
    }
    const std::size_t digits_end = pos_;
    bool is_float = false;
    if (At('.')) {
      ++pos_;
      if (!AtDigit()) return false;
      while (AtDigit()) ++pos_;
      is_float = true;
    }
    if (At('e') || At('E')) {
      ++pos_;
      if (At('+') || At('-')) ++pos_;
      if (!AtDigit()) return false;
      while (AtDigit()) ++pos_;
      is_float = true;
    }
    node(index).kind = Kind::kFloat;
    if (is_float) return Finite(digits - (negative ? 1 : 0));
    std::uint64_t magnitude = 0;
    for (std::size_t i = digits; i < digits_end; ++i) {
      const auto digit = static_cast<std::uint64_t>(text_[i] - '0');
      // Beyond 64 bits: a float.
      if (magnitude > (UINT64_MAX - digit) / 10) return Finite(digits - (negative ? 1 : 0));
      magnitude = magnitude * 10 + digit;
    }
    constexpr std::uint64_t kMostNegative = std::uint64_t{1} << 63;  // -INT64_MIN
    if (negative && magnitude > kMostNegative) return Finite(digits - 1);
    node(index).kind = Kind::kInteger;
    // Two's complement both ways: -2^63 stays itself, and a uint64 above INT64_MAX wraps as
    // nlohmann's get<int64_t> (a static_cast) wraps it.
    node(index).integer = static_cast<std::int64_t>(negative ? ~magnitude + 1 : magnitude);
    return true;
  }

  // nlohmann refuses a float that overflows a double ("1e400", 400 digits): the number from
  // `start` to pos_, read as nlohmann reads it, by strtod (warta keeps the "C" locale).
  bool Finite(std::size_t start) const {
    const std::string number(text_.substr(start, pos_ - start));
    return std::isfinite(std::strtod(number.c_str(), nullptr));
  }

  // A string at '"'. Without escapes it is a view into the text; with them, into the tree's
  // buffer of unescaped strings.
  bool String(std::string_view* out) {
    const std::size_t start = ++pos_;
    pos_ += ascii::JsonPlainRun(text_.substr(pos_), /*high_bytes_plain=*/true);
    while (pos_ < text_.size()) {
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        *out = text_.substr(start, pos_ - start);
        ++pos_;
        return true;
      }
      if (c == '\\') return Unescape(start, out);
      if (c < 0x20) return false;
      ++pos_;
    }
    return false;
  }

  bool Unescape(std::size_t start, std::string_view* out) {
    if (!tree_->unescaped_) tree_->unescaped_.reset(new char[text_.size()]);
    char* const begin = tree_->unescaped_.get() + used_;
    char* end = begin;
    for (std::size_t i = start; i < pos_; ++i) *end++ = text_[i];
    while (pos_ < text_.size()) {
      const std::size_t run = ascii::JsonPlainRun(text_.substr(pos_), /*high_bytes_plain=*/true);
      std::memcpy(end, text_.data() + pos_, run);
      end += run;
      pos_ += run;
      if (pos_ >= text_.size()) break;
      const auto c = static_cast<unsigned char>(text_[pos_]);
      if (c == '"') {
        ++pos_;
        used_ += static_cast<std::size_t>(end - begin);
        *out = std::string_view(begin, static_cast<std::size_t>(end - begin));
        return true;
      }
      if (c < 0x20) return false;
      if (c != '\\') {
        *end++ = static_cast<char>(c);
        ++pos_;
        continue;
      }
      if (++pos_ >= text_.size()) return false;
      const char escape = text_[pos_++];
      switch (escape) {
        case '"':
        case '\\':
        case '/':
          *end++ = escape;
          break;
        case 'b':
          *end++ = '\b';
          break;
        case 'f':
          *end++ = '\f';
          break;
        case 'n':
          *end++ = '\n';
          break;
        case 'r':
          *end++ = '\r';
          break;
        case 't':
          *end++ = '\t';
          break;
        case 'u': {
          char32_t code_point = 0;
          if (!CodePoint(&code_point)) return false;
          end = AppendUtf8(code_point, end);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  // The 4 hex digits after "\u" (pos_ on the first), as one UTF-16 unit.
  bool Hex4(char32_t* unit) {
    if (text_.size() - pos_ < 4) return false;
    char32_t value = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text_[pos_++];
      char32_t digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<char32_t>(c - '0');
      } else if ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
        digit = static_cast<char32_t>((c | 0x20) - 'a' + 10);
      } else {
        return false;
      }
      value = value * 16 + digit;
    }
    *unit = value;
    return true;
  }

  // "\uXXXX", or a surrogate pair of two; a lone surrogate is an error, as in nlohmann.
  bool CodePoint(char32_t* code_point) {
    char32_t high = 0;
    if (!Hex4(&high)) return false;
    if (high >= 0xDC00 && high <= 0xDFFF) return false;
    if (high < 0xD800 || high > 0xDBFF) {
      *code_point = high;
      return true;
    }
    if (text_.substr(pos_, 2) != "\\u") return false;
    pos_ += 2;
    char32_t low = 0;
    if (!Hex4(&low) || low < 0xDC00 || low > 0xDFFF) return false;
    *code_point = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
    return true;
  }

  // At most as many bytes as the escape it replaces (6 for one unit, 12 for a pair).
  static char* AppendUtf8(char32_t c, char* out) {
    if (c < 0x80) {
      *out++ = static_cast<char>(c);
    } else if (c < 0x800) {
      *out++ = static_cast<char>(0xC0 | (c >> 6));
      *out++ = static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      *out++ = static_cast<char>(0xE0 | (c >> 12));
      *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *out++ = static_cast<char>(0x80 | (c & 0x3F));
    } else {
      *out++ = static_cast<char>(0xF0 | (c >> 18));
      *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      *out++ = static_cast<char>(0x80 | (c & 0x3F));
    }
    return out;
  }

  std::string_view text_;
  int max_depth_;
  Tree* tree_;
  std::size_t pos_ = 0;
  std::size_t used_ = 0;  // bytes of tree_->unescaped_ taken
  bool too_deep_ = false;
};

std::optional<Tree> Tree::Parse(std::string_view text, int max_depth, bool* too_deep) {
  // Checked once for the whole text: outside strings only ASCII is JSON anyway.
  if (!utf8::IsValidMostlyAscii(text)) return std::nullopt;
  Tree tree;
  tree.nodes_.reserve(text.size() / 64 + 8);
  TreeParser parser(text, max_depth, &tree);
  if (!parser.Run()) {
    if (too_deep != nullptr) *too_deep = parser.too_deep();
    return std::nullopt;
  }
  return tree;
}

const Tree::Node* Tree::Find(const Node& object, std::string_view key) const {
  if (object.kind != Kind::kObject) return nullptr;
  const Node* found = nullptr;
  for (std::uint32_t i = object.first; i != kNone; i = nodes_[i].next) {
    if (nodes_[i].key == key) found = &nodes_[i];
  }
  return found;
}

}  // namespace warta::ingest::feed::jsonfeed
