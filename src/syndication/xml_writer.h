// A small XML 1.0 writer for the documents warta publishes (RSS, Atom, sitemaps). Written by
// hand rather than with libxml2's xmlTextWriter because that one copies C0 control characters
// and broken UTF-8 into its output, making documents that strict parsers refuse; here every
// text and attribute value goes through XmlClean first.
//
// Not thread-safe; one writer per document.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace warta::syndication {

// `text` with what XML 1.0 cannot carry removed: invalid UTF-8 becomes U+FFFD; C0 controls
// other than tab, LF and CR, U+FFFE and U+FFFF are dropped.
std::string XmlClean(std::string_view text);

// XmlClean plus escaping of & < > " ' for element content and quoted attribute values.
void AppendXmlEscaped(std::string& out, std::string_view text);

using XmlAttributes = std::initializer_list<std::pair<std::string_view, std::string_view>>;

class XmlWriter {
 public:
  // Starts the document with the XML declaration (UTF-8).
  XmlWriter();

  // <name a="v" ...>; closed by Close() in LIFO order.
  XmlWriter& Open(std::string_view name, XmlAttributes attributes = {});
  XmlWriter& Close();
  // <name a="v">text</name>; <name a="v"/> when text is empty.
  XmlWriter& Element(std::string_view name, std::string_view text, XmlAttributes attributes = {});
  // Escaped character data inside the current element.
  XmlWriter& Text(std::string_view text);

  // Closes every open element and returns the document.
  std::string Finish();

 private:
  void StartTag(std::string_view name, XmlAttributes attributes);
  void Indent();

  std::string out_;
  std::vector<std::string> open_;
};

}  // namespace warta::syndication
