#include "newsroom/word_diff.h"

#include <algorithm>
#include <vector>

#include "core/html_escape.h"

namespace warta::newsroom {
namespace {

enum class Op { kSame, kRemove, kAdd };

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Words (runs of letters and digits, any byte of another script counting as one), runs of
// white space, and single other characters.
std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = i + 1;
    if (IsWordByte(text[i])) {
      while (end < text.size() && IsWordByte(text[end])) ++end;
    } else if (text[i] == ' ' || text[i] == '\n' || text[i] == '\t' || text[i] == '\r') {
      while (end < text.size() &&
             (text[end] == ' ' || text[end] == '\n' || text[end] == '\t' || text[end] == '\r')) {
        ++end;
      }
    }
    tokens.push_back(text.substr(i, end - i));
    i = end;
  }
  return tokens;
}

// Myers' greedy algorithm with one saved V per step for the walk back. a and b are the parts
// between the common start and end. Empty when the distance is over kMaxEditWords.
std::vector<Op> Script(const std::vector<std::string_view>& a,
                       const std::vector<std::string_view>& b) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  const int max = std::min(n + m, static_cast<int>(kMaxEditWords));
  const int offset = max + 1;
  std::vector<int> v(2 * static_cast<std::size_t>(max) + 3, 0);
  // trace[d] holds V before step d over k in [-d - 1, d + 1]: what the walk back reads.
  std::vector<std::vector<int>> trace;
  auto saved = [&trace](int d, int k) {
    return trace[static_cast<std::size_t>(d)][static_cast<std::size_t>(k + d + 1)];
  };
  int found = -1;
  for (int d = 0; d <= max && found < 0; ++d) {
    trace.emplace_back(v.begin() + offset - d - 1, v.begin() + offset + d + 2);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                  ? v[offset + k + 1]
                  : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) {
        ++x;
        ++y;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return {};
  std::vector<Op> ops;
  int x = n;
  int y = m;
  for (int d = found; d > 0; --d) {
    const int k = x - y;
    const bool down = k == -d || (k != d && saved(d, k - 1) < saved(d, k + 1));
    const int prev_k = down ? k + 1 : k - 1;
    const int prev_x = saved(d, prev_k);
    const int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::kSame);
      --x;
      --y;
    }
    ops.push_back(down ? Op::kAdd : Op::kRemove);
    x = prev_x;
    y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::kSame);
    --x;
    --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

bool IsSpace(std::string_view token) {
  return !token.empty() &&
         (token[0] == ' ' || token[0] == '\n' || token[0] == '\t' || token[0] == '\r');
}

// Writes the diff: unchanged tokens as they are; each changed region (changes separated by
// nothing but white space count as one) as its removed words in one <del> followed by its
// added words in one <ins>, which reads as "this phrase became that one".
class Writer {
 public:
  explicit Writer(WordDiff& out) : out_(out) {}

  void Same(std::string_view token) {
    if (IsSpace(token) && (!removed_.empty() || !added_.empty())) {
      pending_space_ = token;  // may join this region with the next
      return;
    }
    Flush();
    AppendEscapedHtml(out_.html, token);
  }
  void Remove(std::string_view token) {
    TakePendingSpace();
    removed_ += token;
    ++out_.removed;
  }
  void Add(std::string_view token) {
    TakePendingSpace();
    added_ += token;
    ++out_.added;
  }
  void Flush() {
    if (!removed_.empty()) {
      out_.html += "<del>";
      AppendEscapedHtml(out_.html, removed_);
      out_.html += "</del>";
    }
    if (!added_.empty()) {
      out_.html += "<ins>";
      AppendEscapedHtml(out_.html, added_);
      out_.html += "</ins>";
    }
    removed_.clear();
    added_.clear();
    if (!pending_space_.empty()) AppendEscapedHtml(out_.html, pending_space_);
    pending_space_ = {};
  }

 private:
  // White space between two changes belongs to both sides of the region.
  void TakePendingSpace() {
    if (pending_space_.empty()) return;
    if (!removed_.empty()) removed_ += pending_space_;
    if (!added_.empty()) added_ += pending_space_;
    pending_space_ = {};
  }

  WordDiff& out_;
  std::string removed_;
  std::string added_;
  std::string_view pending_space_;
};

}  // namespace

WordDiff DiffWords(std::string_view before, std::string_view after) {
  WordDiff out;
  const std::vector<std::string_view> a = Tokens(before);
  const std::vector<std::string_view> b = Tokens(after);
  std::size_t prefix = 0;
  while (prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < a.size() - prefix && suffix < b.size() - prefix &&
         a[a.size() - 1 - suffix] == b[b.size() - 1 - suffix]) {
    ++suffix;
  }
  const std::vector<std::string_view> a_mid(a.begin() + static_cast<std::ptrdiff_t>(prefix),
                                            a.end() - static_cast<std::ptrdiff_t>(suffix));
  const std::vector<std::string_view> b_mid(b.begin() + static_cast<std::ptrdiff_t>(prefix),
                                            b.end() - static_cast<std::ptrdiff_t>(suffix));
  std::vector<Op> ops;
  if (a_mid.size() + b_mid.size() <= 2 * kMaxDiffWords) ops = Script(a_mid, b_mid);
  out.whole = ops.empty() && !(a_mid.empty() && b_mid.empty());
  Writer writer(out);
  for (std::size_t i = 0; i < prefix; ++i) writer.Same(a[i]);
  if (out.whole) {
    for (std::string_view token : a_mid) writer.Remove(token);
    for (std::string_view token : b_mid) writer.Add(token);
  } else {
    std::size_t i = 0;
    std::size_t j = 0;
    for (Op op : ops) {
      if (op == Op::kSame) {
        writer.Same(a_mid[i++]);
        ++j;
      } else if (op == Op::kRemove) {
        writer.Remove(a_mid[i++]);
      } else {
        writer.Add(b_mid[j++]);
      }
    }
  }
  for (std::size_t i = a.size() - suffix; i < a.size(); ++i) writer.Same(a[i]);
  writer.Flush();
  return out;
}

}  // namespace warta::newsroom
