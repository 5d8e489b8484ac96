#include "ingest/feed/xml/repair.h"

#include <libxml/HTMLparser.h>

#include <cstdint>
#include <set>

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

class Repairer {
 public:
  Repairer(std::string_view in, std::string* problem) : in_(in), problem_(problem) {
    out_.reserve(in.size() + in.size() / 32 + 16);
  }

  std::string Run() {
    while (pos_ < in_.size()) {
      unsigned char c = static_cast<unsigned char>(in_[pos_]);
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
    if (problem_ != nullptr && problem_->empty() && !noted_) {
      *problem_ = std::string(what) + " at byte " + std::to_string(pos_);
    }
    noted_ = true;
  }

  // Copies one byte, dropping what XML forbids in any context.
  void CopyByte() {
    unsigned char c = static_cast<unsigned char>(in_[pos_]);
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

  // Copies up to and including `terminator` (or to the end) without interpreting it.
  void CopyThrough(std::string_view terminator) {
    std::size_t end = in_.find(terminator, pos_);
    end = end == std::string_view::npos ? in_.size() : end + terminator.size();
    while (pos_ < end) CopyByte();
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

  // Copies the DOCTYPE with its internal subset, noting the general entities it declares.
  void Doctype() {
    int depth = 0;
    char quote = 0;
    std::size_t start = pos_;
    while (pos_ < in_.size()) {
      char c = in_[pos_];
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        ++depth;
      } else if (c == ']') {
        --depth;
      } else if (c == '>' && depth <= 0) {
        CopyByte();
        break;
      }
      CopyByte();
    }
    NoteDeclaredEntities(in_.substr(start, pos_ - start));
  }

  void NoteDeclaredEntities(std::string_view doctype) {
    std::size_t at = 0;
    while ((at = doctype.find("<!ENTITY", at)) != std::string_view::npos) {
      at += 8;
      while (at < doctype.size() && (doctype[at] == ' ' || doctype[at] == '\t' ||
                                     doctype[at] == '\n' || doctype[at] == '\r')) {
        ++at;
      }
      if (at < doctype.size() && doctype[at] == '%') continue;  // parameter entity
      std::size_t end = at;
      while (end < doctype.size() && IsNameChar(static_cast<unsigned char>(doctype[end]))) ++end;
      if (end > at) declared_.emplace(doctype.substr(at, end - at));
    }
  }

  void Reference() {
    std::size_t p = pos_ + 1;
    if (p < in_.size() && in_[p] == '#') {
      CharacterReference(p + 1);
      return;
    }
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
    std::string name(in_.substr(p, end - p));
    if (name == "amp" || name == "lt" || name == "gt" || name == "quot" || name == "apos" ||
        declared_.count(name) > 0) {
      out_.append(in_.substr(pos_, end + 1 - pos_));
    } else if (const htmlEntityDesc* entity =
                   htmlEntityLookup(reinterpret_cast<const xmlChar*>(name.c_str()))) {
      Note("HTML entity");
      out_ += "&#" + std::to_string(entity->value) + ";";
    } else {
      Note("undefined entity");
      out_ += "&amp;";
      out_.append(in_.substr(p, end + 1 - p));
    }
    pos_ = end + 1;
  }

  // `p` is just after "&#".
  void CharacterReference(std::size_t p) {
    bool hex = p < in_.size() && (in_[p] == 'x' || in_[p] == 'X');
    if (hex) ++p;
    std::size_t digits = p;
    std::uint32_t value = 0;
    while (p < in_.size() && p - digits < 8) {
      char c = in_[p];
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
    if (p == digits || p >= in_.size() || in_[p] != ';') {
      Note("bare &");
      out_ += "&amp;";
      ++pos_;
      return;
    }
    if (IsXmlChar(value)) {
      out_.append(in_.substr(pos_, p + 1 - pos_));
    } else {
      Note("reference to a forbidden character");
    }
    pos_ = p + 1;
  }

  std::string_view in_;
  std::string* problem_;
  std::string out_;
  std::size_t pos_ = 0;
  bool noted_ = false;
  std::set<std::string, std::less<>> declared_;
};

}  // namespace

std::string RepairXml(std::string_view utf8, std::string* problem) {
  return Repairer(utf8, problem).Run();
}

}  // namespace warta::ingest::feed::xml
