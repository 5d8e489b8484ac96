#include "ingest/feed/xml/node.h"

#include <array>
#include <cstring>
#include <utility>

#include "core/ascii.h"

namespace warta::ingest::feed::xml {
namespace {

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view{}
                         : std::string_view(reinterpret_cast<const char*>(text));
}

using ascii::EqualsIgnoreCase;

Ns FromUri(std::string_view raw) {
  std::string_view uri = ascii::Trim(raw, ascii::IsXmlSpace);
  if (uri.empty()) return Ns::kNone;
  if (!uri.empty() && uri.back() == '/' && EqualsIgnoreCase(uri, "http://search.yahoo.com/mrss/")) {
    return Ns::kMedia;
  }
  static constexpr std::array<std::pair<std::string_view, Ns>, 20> kTable = {{
      {"http://www.w3.org/2005/Atom", Ns::kAtom10},
      {"http://purl.org/atom/ns#", Ns::kAtom03},
      {"http://purl.org/rss/1.0/", Ns::kRss10},
      {"http://my.netscape.com/rdf/simple/0.9/", Ns::kRss090},
      {"http://www.w3.org/1999/02/22-rdf-syntax-ns#", Ns::kRdf},
      {"http://purl.org/dc/elements/1.1/", Ns::kDc},
      {"http://purl.org/dc/terms/", Ns::kDcTerms},
      {"http://purl.org/rss/1.0/modules/content/", Ns::kContent},
      {"http://search.yahoo.com/mrss", Ns::kMedia},
      {"http://search.yahoo.com/mrss/", Ns::kMedia},
      {"http://www.itunes.com/dtds/podcast-1.0.dtd", Ns::kItunes},
      {"http://www.w3.org/1999/xhtml", Ns::kXhtml},
      {"http://www.w3.org/XML/1998/namespace", Ns::kXml},
      {"http://backend.userland.com/rss", Ns::kNone},
      {"http://backend.userland.com/rss2", Ns::kNone},
      {"http://blogs.law.harvard.edu/tech/rss", Ns::kNone},
      {"http://purl.org/rss/1.0/modules/rss091#", Ns::kNone},
      {"http://purl.org/net/rss1.1#", Ns::kRss10},
      {"http://www.w3.org/2005/atom", Ns::kAtom10},
      {"http://purl.org/atom/ns", Ns::kAtom03},
  }};
  for (const auto& [known, ns] : kTable) {
    if (EqualsIgnoreCase(uri, known)) return ns;
  }
  return Ns::kOther;
}

// Conventional prefixes, for feeds that use a prefix without declaring it.
Ns FromPrefix(std::string_view prefix) {
  static constexpr std::array<std::pair<std::string_view, Ns>, 10> kTable = {{
      {"atom", Ns::kAtom10},
      {"dc", Ns::kDc},
      {"dcterms", Ns::kDcTerms},
      {"content", Ns::kContent},
      {"media", Ns::kMedia},
      {"itunes", Ns::kItunes},
      {"rdf", Ns::kRdf},
      {"xhtml", Ns::kXhtml},
      {"xml", Ns::kXml},
      {"atom10", Ns::kAtom10},
  }};
  for (const auto& [known, ns] : kTable) {
    if (EqualsIgnoreCase(prefix, known)) return ns;
  }
  return Ns::kOther;
}

bool IsVoidElement(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kVoid = {
      "area",  "base", "br",   "col",   "embed",  "hr",    "img",
      "input", "link", "meta", "param", "source", "track", "wbr"};
  for (std::string_view v : kVoid) {
    if (EqualsIgnoreCase(name, v)) return true;
  }
  return false;
}

void AppendText(const xmlNode* node, std::string* out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    switch (child->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        out->append(View(child->content));
        break;
      case XML_ELEMENT_NODE:
        AppendText(child, out);
        break;
      default:
        break;
    }
  }
}

void AppendHtml(const xmlNode* node, std::string* out);

void AppendElementHtml(const xmlNode* element, std::string* out) {
  std::string_view name = LocalName(element);
  out->push_back('<');
  out->append(name);
  for (const xmlAttr* attr = element->properties; attr != nullptr; attr = attr->next) {
    std::string_view attr_name = View(attr->name);
    auto colon = attr_name.find(':');
    if (colon != std::string_view::npos) attr_name.remove_prefix(colon + 1);
    if (attr_name.empty() || attr_name == "xmlns") continue;
    std::string value;
    for (const xmlNode* v = attr->children; v != nullptr; v = v->next) {
      if (v->type == XML_TEXT_NODE) value.append(View(v->content));
    }
    out->push_back(' ');
    out->append(attr_name);
    out->append("=\"");
    AppendEscapedHtml(value, out);
    out->push_back('"');
  }
  out->push_back('>');
  if (IsVoidElement(name)) return;
  AppendHtml(element, out);
  out->append("</");
  out->append(name);
  out->push_back('>');
}

void AppendHtml(const xmlNode* node, std::string* out) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    switch (child->type) {
      case XML_TEXT_NODE:
      case XML_CDATA_SECTION_NODE:
        AppendEscapedHtml(View(child->content), out);
        break;
      case XML_ELEMENT_NODE:
        AppendElementHtml(child, out);
        break;
      default:
        break;
    }
  }
}

}  // namespace

Ns NamespaceOf(const xmlNode* node) {
  if (node->ns != nullptr) return FromUri(View(node->ns->href));
  std::string_view name = View(node->name);
  auto colon = name.find(':');
  if (colon == std::string_view::npos) return Ns::kNone;
  return FromPrefix(name.substr(0, colon));
}

std::string_view LocalName(const xmlNode* node) {
  std::string_view name = View(node->name);
  if (node->ns == nullptr) {
    auto colon = name.find(':');
    if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
  }
  return name;
}

namespace {

const xmlAttr* FindAttr(const xmlNode* node, std::string_view local, Ns ns) {
  if (node == nullptr || node->type != XML_ELEMENT_NODE) return nullptr;
  for (const xmlAttr* attr = node->properties; attr != nullptr; attr = attr->next) {
    std::string_view name = View(attr->name);
    Ns attr_ns = Ns::kNone;
    if (attr->ns != nullptr) {
      attr_ns = FromUri(View(attr->ns->href));
    } else if (auto colon = name.find(':'); colon != std::string_view::npos) {
      attr_ns = FromPrefix(name.substr(0, colon));
      name.remove_prefix(colon + 1);
    }
    if (attr_ns == ns && EqualsIgnoreCase(name, local)) return attr;
  }
  return nullptr;
}

}  // namespace

std::string Attr(const xmlNode* node, std::string_view local, Ns ns) {
  const xmlAttr* attr = FindAttr(node, local, ns);
  std::string value;
  if (attr == nullptr) return value;
  for (const xmlNode* v = attr->children; v != nullptr; v = v->next) {
    if (v->type == XML_TEXT_NODE) value.append(View(v->content));
  }
  return value;
}

bool HasAttr(const xmlNode* node, std::string_view local, Ns ns) {
  return FindAttr(node, local, ns) != nullptr;
}

std::int64_t NumberAttr(const xmlNode* node, std::string_view local) {
  std::int64_t value = 0;
  for (char c : Attr(node, local)) {
    if (c < '0' || c > '9' || value > INT64_MAX / 10 - 9) break;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string TextContent(const xmlNode* node) {
  std::string out;
  AppendText(node, &out);
  return out;
}

std::string InnerHtml(const xmlNode* node) {
  std::string out;
  AppendHtml(node, &out);
  return out;
}

bool HasElementChildren(const xmlNode* node) {
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) return true;
  }
  return false;
}

std::string BaseOf(const xmlNode* node) {
  xmlChar* base = xmlNodeGetBase(node->doc, node);
  std::string out(View(base));
  xmlFree(base);
  return out;
}

void AppendEscapedHtml(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      default:
        out->push_back(c);
    }
  }
}

}  // namespace warta::ingest::feed::xml
