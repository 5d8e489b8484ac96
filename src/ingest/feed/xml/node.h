// Reading libxml2 trees the way feeds need: names by namespace (with the conventional prefix
// standing in when a feed forgot to declare it), attributes, text, inner markup re-serialized
// as HTML, and xml:base. Trees come from RepairXml'd text, so they hold no entity references.
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace warta::ingest::feed::xml {

enum class Ns {
  kNone,     // no namespace, or one of the RSS 0.9x/2.0 namespaces some feeds declare
  kRss090,   // http://my.netscape.com/rdf/simple/0.9/
  kRss10,    // http://purl.org/rss/1.0/
  kRdf,      // http://www.w3.org/1999/02/22-rdf-syntax-ns#
  kAtom03,   // http://purl.org/atom/ns#
  kAtom10,   // http://www.w3.org/2005/Atom
  kDc,       // http://purl.org/dc/elements/1.1/
  kDcTerms,  // http://purl.org/dc/terms/
  kContent,  // http://purl.org/rss/1.0/modules/content/
  kMedia,    // http://search.yahoo.com/mrss/
  kItunes,   // http://www.itunes.com/dtds/podcast-1.0.dtd
  kXhtml,    // http://www.w3.org/1999/xhtml
  kXml,      // http://www.w3.org/XML/1998/namespace
  kOther,
};

Ns NamespaceOf(const xmlNode* node);
// The name without a prefix (also for names libxml2 kept whole because the prefix was
// undeclared: "atom:link" -> "link").
std::string_view LocalName(const xmlNode* node);

inline bool IsElement(const xmlNode* node) { return node->type == XML_ELEMENT_NODE; }
inline bool Is(const xmlNode* node, Ns ns, std::string_view local) {
  return IsElement(node) && NamespaceOf(node) == ns && LocalName(node) == local;
}

// Value of the attribute with this local name (case-insensitive) in no namespace, or in
// namespace `ns`; "" when absent.
std::string Attr(const xmlNode* node, std::string_view local, Ns ns = Ns::kNone);
bool HasAttr(const xmlNode* node, std::string_view local, Ns ns = Ns::kNone);
// The leading decimal digits of attribute `local` (no namespace) as a number, for sizes such as
// an enclosure's length: 0 when it starts with none; reading stops before the value overflows.
std::int64_t NumberAttr(const xmlNode* node, std::string_view local);

// Concatenated text of the node's descendants (text and CDATA).
std::string TextContent(const xmlNode* node);
// The children of `node` serialized as HTML: elements by local name, attributes by local
// name (xmlns dropped), text escaped. For XHTML content and "naked" markup in RSS.
std::string InnerHtml(const xmlNode* node);
// True if the node has element children (markup that was not escaped).
bool HasElementChildren(const xmlNode* node);

// The base URI in effect at `node` (xml:base attributes up the tree over the document URL).
std::string BaseOf(const xmlNode* node);

// Appends `text` to `out` with & < > " escaped for HTML.
void AppendEscapedHtml(std::string_view text, std::string* out);

}  // namespace warta::ingest::feed::xml
