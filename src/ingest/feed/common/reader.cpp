#include "ingest/feed/common/reader.h"

#include "core/ascii.h"
#include "core/utf8.h"
#include "ingest/feed/common/text.h"

namespace warta::ingest::feed {
namespace {

using xml::Ns;

bool IsHtmlType(std::string_view type) {
  return type == "html" || type == "text/html" || type == "xhtml" ||
         type == "application/xhtml+xml";
}

bool IsXmlType(std::string_view type) {
  return type == "xhtml" || type.ends_with("+xml") || type.ends_with("/xml");
}

// The children of an XHTML text construct: inside its single wrapping <div>, if it has one.
const xmlNode* XhtmlContainer(const xmlNode* node) {
  const xmlNode* only = nullptr;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (child->type == XML_ELEMENT_NODE) {
      if (only != nullptr) return node;
      only = child;
    } else if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      std::string_view text(reinterpret_cast<const char*>(child->content));
      if (!ascii::Trim(text, ascii::IsXmlSpace).empty()) return node;
    }
  }
  return only != nullptr && xml::LocalName(only) == "div" ? only : node;
}

std::int64_t ParseLength(std::string_view text) {
  std::int64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') break;
    if (value > (INT64_MAX - 9) / 10) return 0;
    value = value * 10 + (c - '0');
  }
  return value;
}

}  // namespace

Reader::Reader(std::string_view default_time_zone) : zone_(default_time_zone) {}

std::string Reader::Text(const xmlNode* node) { return xml::TextContent(node); }

std::string Reader::TrimmedText(const xmlNode* node) {
  return std::string(ascii::Trim(Text(node), ascii::IsXmlSpace));
}

std::optional<std::int64_t> Reader::Date(const xmlNode* node) {
  return date::ParseDate(Text(node), zone_);
}

std::string Reader::Link(std::string_view raw, const xmlNode* node) {
  return ResolveLink(raw, xml::BaseOf(node));
}

RawText Reader::RssText(const xmlNode* node, bool html) {
  if (xml::HasElementChildren(node)) return RawText::Html(xml::InnerHtml(node));
  std::string text = Text(node);
  if (html || LooksLikeHtml(text)) return RawText::Html(std::move(text));
  return RawText::Plain(std::move(text));
}

RawText Reader::AtomText(const xmlNode* node, bool atom03) {
  std::string type = ascii::Lower(xml::Attr(node, "type"));
  std::string mode = ascii::Lower(xml::Attr(node, "mode"));
  if (type.empty()) type = "text";
  bool html = IsHtmlType(type);
  bool base64 = atom03 ? mode == "base64"
                       : !(type == "text" || type == "html" || type == "xhtml" ||
                           type.starts_with("text/") || IsXmlType(type));
  if (base64) {
    // Content that only claims to be base64 ("test" in a custom type) stays as it is.
    std::string decoded;
    if (!DecodeBase64(Text(node), &decoded) || !utf8::IsValid(decoded)) decoded = Text(node);
    return html ? RawText::Html(std::move(decoded)) : RawText::Plain(std::move(decoded));
  }
  if (xml::HasElementChildren(node) && mode != "escaped") {
    // xhtml, or markup that was not escaped although the type says otherwise.
    return RawText::Html(xml::InnerHtml(XhtmlContainer(node)));
  }
  std::string text = Text(node);
  return html ? RawText::Html(std::move(text)) : RawText::Plain(std::move(text));
}

bool Reader::ReadItemExtension(const xmlNode* child, DraftEntry* entry) {
  Ns ns = xml::NamespaceOf(child);
  std::string_view name = xml::LocalName(child);
  switch (ns) {
    case Ns::kDc:
      if (name == "title" && !entry->title.present) entry->title = RssText(child, false);
      if ((name == "creator" || name == "author") && entry->author.empty()) {
        entry->author = AuthorName(TrimmedText(child));
      }
      if (name == "date" && !entry->updated) entry->updated = Date(child);
      if (name == "subject") entry->categories.push_back(TrimmedText(child));
      if (name == "description" && !entry->summary.present) entry->summary = RssText(child, true);
      return true;
    case Ns::kDcTerms:
      if (name == "issued" && !entry->published) entry->published = Date(child);
      if (name == "modified" && !entry->updated) entry->updated = Date(child);
      return true;
    case Ns::kContent:
      if (name == "encoded" && !entry->content.present) {
        entry->content = RawText::Html(Text(child));
      }
      return true;
    case Ns::kMedia:
      ReadMedia(child, entry);
      return true;
    case Ns::kItunes:
      if (name == "image" && entry->image.empty())
        entry->image = Link(xml::Attr(child, "href"), child);
      if (name == "author" && entry->author.empty()) entry->author = TrimmedText(child);
      if (name == "summary" && !entry->summary.present) entry->summary = RssText(child, false);
      return true;
    case Ns::kXhtml:
      if (name == "body" && !entry->content.present) {
        entry->content = RawText::Html(xml::InnerHtml(child));
      }
      return true;
    case Ns::kAtom10:
    case Ns::kAtom03: {
      if (name == "link") {
        std::string rel = ascii::Lower(xml::Attr(child, "rel"));
        std::string href = xml::Attr(child, "href");
        if ((rel.empty() || rel == "alternate") && entry->link.empty()) {
          entry->link = Link(href, child);
        } else if (rel == "enclosure") {
          entry->enclosures.push_back({Link(href, child), xml::Attr(child, "type"),
                                       ParseLength(xml::Attr(child, "length"))});
        }
      }
      if (name == "published" && !entry->published) entry->published = Date(child);
      if (name == "updated" && !entry->updated) entry->updated = Date(child);
      if (name == "author" && entry->author.empty()) {
        for (const xmlNode* n = child->children; n != nullptr; n = n->next) {
          if (xml::IsElement(n) && xml::LocalName(n) == "name") entry->author = TrimmedText(n);
        }
      }
      return true;
    }
    default:
      return false;
  }
}

void Reader::ReadMedia(const xmlNode* node, DraftEntry* entry) {
  std::string_view name = xml::LocalName(node);
  if (name == "group" || name == "content") {
    if (name == "content") {
      std::string url = Link(xml::Attr(node, "url"), node);
      std::string type = xml::Attr(node, "type");
      std::string medium = ascii::Lower(xml::Attr(node, "medium"));
      bool image = medium == "image" || type.starts_with("image/");
      if (!url.empty() && image && entry->image.empty()) {
        entry->image = url;
      } else if (!url.empty() && !image) {
        entry->enclosures.push_back({url, type, ParseLength(xml::Attr(node, "fileSize"))});
      }
    }
    for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
      if (xml::IsElement(child) && xml::NamespaceOf(child) == Ns::kMedia) ReadMedia(child, entry);
    }
  } else if (name == "thumbnail" && entry->image.empty()) {
    entry->image = Link(xml::Attr(node, "url"), node);
  } else if (name == "title" && !entry->title_fallback.present) {
    entry->title_fallback = RssText(node, false);
  } else if (name == "description" && !entry->summary.present) {
    entry->summary = RssText(node, false);
  }
}

bool Reader::ReadFeedExtension(const xmlNode* child, DraftFeed* feed) {
  Ns ns = xml::NamespaceOf(child);
  std::string_view name = xml::LocalName(child);
  if (ns == Ns::kDc) {
    if (name == "language" && feed->language.empty()) feed->language = TrimmedText(child);
    if (name == "title" && !feed->title.present) feed->title = RssText(child, false);
    return true;
  }
  if (ns == Ns::kAtom10 || ns == Ns::kAtom03) {
    if (name == "link" && feed->link.empty()) {
      std::string rel = ascii::Lower(xml::Attr(child, "rel"));
      std::string type = ascii::Lower(xml::Attr(child, "type"));
      if ((rel.empty() || rel == "alternate") && (type.empty() || IsHtmlType(type))) {
        feed->link = Link(xml::Attr(child, "href"), child);
      }
    }
    return true;
  }
  return ns == Ns::kContent || ns == Ns::kMedia || ns == Ns::kItunes || ns == Ns::kDcTerms;
}

std::string AuthorName(std::string_view text) {
  // RSS 2.0 asks for "jo@example.org (Jo Doe)"; feeds also write "Jo Doe (jo@example.org)"
  // and "Jo Doe <jo@example.org>". Show the name.
  auto open = text.find('(');
  auto close = text.rfind(')');
  if (open != std::string_view::npos && close != std::string_view::npos && close > open + 1) {
    std::string_view inside = text.substr(open + 1, close - open - 1);
    std::string_view outside = text.substr(0, open);
    if (outside.find('@') != std::string_view::npos) return CollapseWhitespace(inside);
    if (inside.find('@') != std::string_view::npos) {
      std::string name = CollapseWhitespace(outside);
      if (!name.empty()) return name;
    }
  }
  auto angle = text.find('<');
  if (angle != std::string_view::npos && text.find('@', angle) != std::string_view::npos) {
    std::string name = CollapseWhitespace(text.substr(0, angle));
    if (!name.empty()) return name;
  }
  return CollapseWhitespace(text);
}

}  // namespace warta::ingest::feed
