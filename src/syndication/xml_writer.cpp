#include "syndication/xml_writer.h"

#include "core/html_escape.h"

namespace warta::syndication {
namespace {

// What XML 1.0 cannot carry is cleaned out of every value (see XmlClean); ' is written &apos;,
// so values are safe in single- or double-quoted attributes too.
constexpr EscapeOptions kXmlClean{
    .markup = false, .double_quote = false, .apostrophe = Apostrophe::kKeep, .xml_chars = true};
constexpr EscapeOptions kXmlEscape{.apostrophe = Apostrophe::kNamed, .xml_chars = true};

}  // namespace

std::string XmlClean(std::string_view text) { return Escaped(text, kXmlClean); }

void AppendXmlEscaped(std::string& out, std::string_view text) {
  AppendEscaped(out, text, kXmlEscape);
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
