#include "syndication/xml_writer.h"

#include <cstdint>

namespace warta::syndication {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the valid UTF-8 sequence at text[i] and its code point, or 0 when invalid
// (overlong forms, surrogates and values past U+10FFFF are invalid).
std::size_t DecodeUtf8(std::string_view text, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length = 0;
  if (lead < 0x80) {
    cp = lead;
    return 1;
  }
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    cp = lead & 0x07;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  if ((length == 3 && cp < 0x800) || (length == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return 0;
  if (cp >= 0xD800 && cp <= 0xDFFF) return 0;
  return length;
}

bool AllowedInXml(char32_t cp) {
  if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
  return cp != 0xFFFE && cp != 0xFFFF;
}

template <typename Emit>
void ForEachXmlChar(std::string_view text, Emit emit) {
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    std::size_t length = DecodeUtf8(text, i, cp);
    if (length == 0) {
      emit(kReplacement);
      ++i;
      continue;
    }
    if (AllowedInXml(cp)) emit(text.substr(i, length));
    i += length;
  }
}

}  // namespace

std::string XmlClean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  ForEachXmlChar(text, [&out](std::string_view piece) { out += piece; });
  return out;
}

void AppendXmlEscaped(std::string& out, std::string_view text) {
  ForEachXmlChar(text, [&out](std::string_view piece) {
    if (piece.size() != 1) {
      out += piece;
      return;
    }
    switch (piece[0]) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        out += piece[0];
    }
  });
}

XmlWriter::XmlWriter() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

void XmlWriter::Indent() {
  if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  out_.append(open_.size(), ' ');
}

void XmlWriter::StartTag(std::string_view name, XmlAttributes attributes) {
  Indent();
  out_ += '<';
  out_ += name;
  for (const auto& [key, value] : attributes) {
    out_ += ' ';
    out_ += key;
    out_ += "=\"";
    AppendXmlEscaped(out_, value);
    out_ += '"';
  }
}

XmlWriter& XmlWriter::Open(std::string_view name, XmlAttributes attributes) {
  StartTag(name, attributes);
  out_ += ">\n";
  open_.emplace_back(name);
  return *this;
}

XmlWriter& XmlWriter::Close() {
  if (open_.empty()) return *this;
  std::string name = std::move(open_.back());
  open_.pop_back();
  Indent();
  out_ += "</" + name + ">\n";
  return *this;
}

XmlWriter& XmlWriter::Element(std::string_view name, std::string_view text,
                              XmlAttributes attributes) {
  StartTag(name, attributes);
  if (text.empty()) {
    out_ += "/>\n";
    return *this;
  }
  out_ += '>';
  AppendXmlEscaped(out_, text);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
  return *this;
}

XmlWriter& XmlWriter::Text(std::string_view text) {
  AppendXmlEscaped(out_, text);
  return *this;
}

std::string XmlWriter::Finish() {
  while (!open_.empty()) Close();
  return std::move(out_);
}

}  // namespace warta::syndication
