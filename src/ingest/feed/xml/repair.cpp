#include "ingest/feed/xml/repair.h"

#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>

#include "core/ascii.h"
#include "core/utf8.h"

namespace warta::ingest::feed::xml {
namespace {

bool IsNameStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}
bool IsNameChar(unsigned char c) {
  return IsNameStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}
bool IsXmlChar(std::uint32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}
bool IsForbiddenControl(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

// "#233;" or "#xE9;" at `p` (just after '&'): the code point and the position after ';'.
std::optional<std::pair<std::uint32_t, std::size_t>> CharRef(std::string_view s, std::size_t p) {
  if (p >= s.size() || s[p] != '#') return std::nullopt;
  ++p;
  bool hex = p < s.size() && (s[p] == 'x' || s[p] == 'X');
  if (hex) ++p;
  std::size_t digits = p;
  std::uint32_t value = 0;
  while (p < s.size() && p - digits < 8) {
    char c = s[p];
    std::uint32_t d;
    if (c >= '0' && c <= '9') {
      d = static_cast<std::uint32_t>(c - '0');
    } else if (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
      d = static_cast<std::uint32_t>((c | 0x20) - 'a' + 10);
    } else {
      break;
    }
    value = value * (hex ? 16 : 10) + d;
    ++p;
  }
  if (p == digits || p >= s.size() || s[p] != ';') return std::nullopt;
  return std::make_pair(value, p + 1);
}

std::optional<char> Builtin(std::string_view name) {
  if (name == "amp") return '&';
  if (name == "lt") return '<';
  if (name == "gt") return '>';
  if (name == "quot") return '"';
  if (name == "apos") return '\'';
  return std::nullopt;
}

// The replacement text of an entity's literal value if it is plain text, else nullopt.
std::optional<std::string> PlainEntityValue(std::string_view value) {
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '<' || c == '%') return std::nullopt;
    if (c != '&') {
      if (!IsForbiddenControl(static_cast<unsigned char>(c))) out.push_back(c);
      continue;
    }
    if (auto ref = CharRef(value, i + 1)) {
      if (IsXmlChar(ref->first)) utf8::Append(out, ref->first);
      i = ref->second - 1;
      continue;
    }
    std::size_t semi = value.find(';', i);
    if (semi == std::string_view::npos) return std::nullopt;
    auto builtin = Builtin(value.substr(i + 1, semi - i - 1));
    if (!builtin) return std::nullopt;  // another entity: where amplification lives
    out.push_back(*builtin);
    i = semi;
  }
  return out;
}

// General entities of an internal subset: name -> plain replacement text, or nullopt for
// those we never expand (external, or with markup or references).
using EntityTable = std::map<std::string, std::optional<std::string>, std::less<>>;

void ParseInternalSubset(std::string_view subset, EntityTable* table) {
  std::size_t i = 0;
  while (i < subset.size()) {
    if (subset.substr(i, 4) == "<!--") {
      std::size_t end = subset.find("-->", i + 4);
      i = end == std::string_view::npos ? subset.size() : end + 3;
      continue;
    }
    if (subset.substr(i, 8) != "<!ENTITY") {
      ++i;
      continue;
    }
    i += 8;
    while (i < subset.size() && ascii::IsXmlSpace(subset[i])) ++i;
    bool parameter = i < subset.size() && subset[i] == '%';
    if (parameter) ++i;
    while (i < subset.size() && ascii::IsXmlSpace(subset[i])) ++i;
    std::size_t name_start = i;
    while (i < subset.size() && IsNameChar(static_cast<unsigned char>(subset[i]))) ++i;
    std::string name(subset.substr(name_start, i - name_start));
    while (i < subset.size() && ascii::IsXmlSpace(subset[i])) ++i;
    std::optional<std::string> value;
    if (i < subset.size() && (subset[i] == '"' || subset[i] == '\'')) {
      std::size_t close = subset.find(subset[i], i + 1);
      if (close == std::string_view::npos) close = subset.size();
      value = PlainEntityValue(subset.substr(i + 1, close - i - 1));
      i = close + 1;
    }
    // The first declaration binds (XML 1.0 §4.2); parameter entities are never used.
    if (!parameter && !name.empty()) table->emplace(std::move(name), std::move(value));
  }
}

// Bytes that end a plain run: those CopyByte may drop (controls, the lead byte of U+FFFE and
// U+FFFF), and in content also "<" and "&".
constexpr std::array<bool, 256> StopTable(bool markup) {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c)
    table[static_cast<std::size_t>(c)] = c != '\t' && c != '\n' && c != '\r';
  table[0xEF] = true;
  table['<'] = markup;
  table['&'] = markup;
  return table;
}
constexpr std::array<bool, 256> kForbidden = StopTable(false);
constexpr std::array<bool, 256> kMarkupOrForbidden = StopTable(true);

class Repairer {
 public:
  Repairer(std::string_view in, std::size_t max_entity_bytes, std::string* problem)
      : in_(in), problem_(problem), entity_budget_(max_entity_bytes) {
    out_.reserve(in.size() + in.size() / 32 + 16);
  }

  std::string Run() {
    while (pos_ < in_.size()) {
      CopyPlain(kMarkupOrForbidden);
      if (pos_ >= in_.size()) break;
      char c = in_[pos_];
      if (c == '<') {
        Markup();
      } else if (c == '&') {
        Reference();
      } else {
        CopyByte();
      }
    }
    return std::move(out_);
  }

 private:
  void Note(const char* what) {
    if (problem_ != nullptr && problem_->empty()) {
      *problem_ = std::string(what) + " at byte " + std::to_string(pos_);
    }
  }

  // Copies one byte, dropping what XML forbids in any context.
  void CopyByte() {
    auto c = static_cast<unsigned char>(in_[pos_]);
    if (IsForbiddenControl(c)) {
      Note("control character");
      ++pos_;
      return;
    }
    // U+FFFE and U+FFFF are EF BF BE / EF BF BF in UTF-8.
    if (c == 0xEF && pos_ + 2 < in_.size() && static_cast<unsigned char>(in_[pos_ + 1]) == 0xBF &&
        (static_cast<unsigned char>(in_[pos_ + 2]) & 0xFE) == 0xBE) {
      Note("non-character");
      pos_ += 3;
      return;
    }
    out_.push_back(static_cast<char>(c));
    ++pos_;
  }

  bool StartsWith(std::string_view prefix) const {
    return in_.substr(pos_, prefix.size()) == prefix;
  }

  // Copies the run of bytes that need no attention (the bulk of any document) at once.
  void CopyPlain(const std::array<bool, 256>& stop, std::size_t end = std::string_view::npos) {
    end = std::min(end, in_.size());
    std::size_t run = pos_;
    while (run < end && !stop[static_cast<unsigned char>(in_[run])]) ++run;
    out_.append(in_.data() + pos_, run - pos_);
    pos_ = run;
  }

  // Copies up to and including `terminator` (or to the end) without interpreting it.
  void CopyThrough(std::string_view terminator) {
    std::size_t end = in_.find(terminator, pos_);
    end = end == std::string_view::npos ? in_.size() : end + terminator.size();
    while (pos_ < end) {
      CopyPlain(kForbidden, end);
      if (pos_ < end) CopyByte();
    }
  }

  void Markup() {
    if (StartsWith("<!--")) return CopyThrough("-->");
    if (StartsWith("<![CDATA[")) return CopyThrough("]]>");
    if (StartsWith("<?")) return CopyThrough("?>");
    if (StartsWith("<!DOCTYPE") || StartsWith("<!doctype")) return Doctype();
    unsigned char next = pos_ + 1 < in_.size() ? static_cast<unsigned char>(in_[pos_ + 1]) : 0;
    if (IsNameStart(next) || next == '/' || next == '!') {
      out_.push_back('<');
      ++pos_;
      return;
    }
    Note("bare <");
    out_ += "&lt;";
    ++pos_;
  }

  // Skips the DOCTYPE (not copied), keeping the general entities its internal subset declares.
  void Doctype() {
    char quote = 0;
    std::size_t subset_start = std::string_view::npos;
    std::size_t subset_end = std::string_view::npos;
    std::size_t p = pos_;
    for (; p < in_.size(); ++p) {
      char c = in_[p];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (subset_start != std::string_view::npos && subset_end == std::string_view::npos) {
        if (c == ']') subset_end = p;
        if (c == '"' || c == '\'') quote = c;
      } else if (c == '[') {
        subset_start = p + 1;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        break;
      }
    }
    if (subset_start != std::string_view::npos) {
      if (subset_end == std::string_view::npos) subset_end = p;
      ParseInternalSubset(in_.substr(subset_start, subset_end - subset_start), &entities_);
    }
    pos_ = p < in_.size() ? p + 1 : p;
  }

  void Reference() {
    if (auto ref = CharRef(in_, pos_ + 1)) {
      if (IsXmlChar(ref->first)) {
        out_.append(in_.substr(pos_, ref->second - pos_));
      } else {
        Note("reference to a forbidden character");
      }
      pos_ = ref->second;
      return;
    }
    std::size_t p = pos_ + 1;
    std::size_t end = p;
    if (end < in_.size() && IsNameStart(static_cast<unsigned char>(in_[end]))) {
      while (end < in_.size() && end - p <= 64 &&
             IsNameChar(static_cast<unsigned char>(in_[end]))) {
        ++end;
      }
    }
    if (end == p || end >= in_.size() || in_[end] != ';') {
      Note("bare &");
      out_ += "&amp;";
      ++pos_;
      return;
    }
    std::string_view name = in_.substr(p, end - p);
    if (Builtin(name)) {
      out_.append(in_.substr(pos_, end + 1 - pos_));
    } else if (auto declared = entities_.find(name); declared != entities_.end()) {
      Expand(declared->second);
    } else if (const htmlEntityDesc* entity =
                   htmlEntityLookup(reinterpret_cast<const xmlChar*>(std::string(name).c_str()))) {
      Note("HTML entity");
      out_ += "&#" + std::to_string(entity->value) + ";";
    } else {
      Note("undefined entity");
      out_ += "&amp;";
      out_.append(in_.substr(p, end + 1 - p));
    }
    pos_ = end + 1;
  }

  void Expand(const std::optional<std::string>& value) {
    if (!value) {
      Note("entity not expanded");
      return;
    }
    if (value->size() > entity_budget_) {
      Note("entity expansion limit");
      return;
    }
    entity_budget_ -= value->size();
    for (char c : *value) {
      if (c == '&') {
        out_ += "&amp;";
      } else if (c == '<') {
        out_ += "&lt;";
      } else if (c == '>') {
        out_ += "&gt;";
      } else if (c == '"') {
        out_ += "&quot;";
      } else {
        out_.push_back(c);
      }
    }
  }

  std::string_view in_;
  std::string* problem_;
  std::size_t entity_budget_;
  std::string out_;
  std::size_t pos_ = 0;
  EntityTable entities_;
};

}  // namespace

std::string RepairXml(std::string_view utf8, std::size_t max_entity_bytes, std::string* problem) {
  return Repairer(utf8, max_entity_bytes, problem).Run();
}

}  // namespace warta::ingest::feed::xml
