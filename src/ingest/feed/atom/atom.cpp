#include "ingest/feed/atom/atom.h"

#include <string>

#include "core/ascii.h"
#include "ingest/feed/xml/node.h"

namespace warta::ingest::feed::atom {
namespace {

using xml::Ns;

bool IsAtomElement(const xmlNode* node) {
  Ns ns = xml::NamespaceOf(node);
  return ns == Ns::kNone || ns == Ns::kAtom10 || ns == Ns::kAtom03;
}

// rel defaults to "alternate"; an alternate link to a page (no type, or an HTML type).
bool IsPageLink(const xmlNode* link) {
  std::string rel = ascii::Lower(xml::Attr(link, "rel"));
  std::string type = ascii::Lower(xml::Attr(link, "type"));
  return (rel.empty() || rel == "alternate") &&
         (type.empty() || type == "text/html" || type == "application/xhtml+xml" ||
          type == "html" || type == "xhtml");
}

std::string PersonName(const xmlNode* person, Reader& reader) {
  std::string email;
  for (const xmlNode* n = person->children; n != nullptr; n = n->next) {
    if (!xml::IsElement(n)) continue;
    if (xml::LocalName(n) == "name") return reader.TrimmedText(n);
    if (xml::LocalName(n) == "email") email = reader.TrimmedText(n);
  }
  return email;
}

void ReadLink(const xmlNode* child, Reader& reader, DraftEntry* entry) {
  std::string rel = ascii::Lower(xml::Attr(child, "rel"));
  std::string href = xml::Attr(child, "href");
  if (IsPageLink(child)) {
    if (entry->link.empty()) entry->link = reader.Link(href, child);
  } else if (rel == "enclosure") {
    std::string url = reader.Link(href, child);
    std::string type = xml::Attr(child, "type");
    if (url.empty()) return;
    if (type.starts_with("image/") && entry->image.empty()) entry->image = url;
    entry->enclosures.push_back({url, type, xml::NumberAttr(child, "length")});
  }
}

DraftEntry ReadEntry(const xmlNode* node, Reader& reader, bool atom03) {
  DraftEntry entry;
  entry.base_url = xml::BaseOf(node);
  const xmlNode* id_node = nullptr;
  for (const xmlNode* child = node->children; child != nullptr; child = child->next) {
    if (!xml::IsElement(child)) continue;
    if (!IsAtomElement(child)) {
      reader.ReadItemExtension(child, &entry);
      continue;
    }
    std::string_view name = xml::LocalName(child);
    if (name == "id") {
      entry.id = reader.TrimmedText(child);
      id_node = child;
    } else if (name == "title") {
      if (!entry.title.present) entry.title = reader.AtomText(child, atom03);
    } else if (name == "link") {
      ReadLink(child, reader, &entry);
    } else if (name == "published" || name == "issued") {
      if (!entry.published) entry.published = reader.Date(child);
    } else if (name == "updated" || name == "modified") {
      if (!entry.updated) entry.updated = reader.Date(child);
    } else if (name == "summary") {
      if (!entry.summary.present) entry.summary = reader.AtomText(child, atom03);
    } else if (name == "content") {
      if (!entry.content.present) entry.content = reader.AtomText(child, atom03);
    } else if (name == "author") {
      if (entry.author.empty()) entry.author = PersonName(child, reader);
    } else if (name == "category") {
      std::string term = xml::Attr(child, "term");
      if (term.empty()) term = reader.TrimmedText(child);
      if (!term.empty()) entry.categories.push_back(std::move(term));
    }
  }
  // An entry without a page link: its id, when that is a web address, is the best we have.
  if (entry.link.empty() && id_node != nullptr) {
    std::string link = reader.Link(entry.id, id_node);
    if (link.starts_with("http://") || link.starts_with("https://")) entry.link = std::move(link);
  }
  return entry;
}

}  // namespace

void Read(const xmlNode* root, Reader& reader, DraftFeed* out) {
  bool atom03 = xml::NamespaceOf(root) == Ns::kAtom03 ||
                (xml::NamespaceOf(root) == Ns::kNone && xml::Attr(root, "version") == "0.3");
  out->format = atom03 ? Format::kAtom03 : Format::kAtom10;
  out->language = xml::Attr(root, "lang", Ns::kXml);
  const xmlNode* feed_id = nullptr;
  for (const xmlNode* child = root->children; child != nullptr; child = child->next) {
    if (!xml::IsElement(child)) continue;
    if (!IsAtomElement(child)) {
      reader.ReadFeedExtension(child, out);
      continue;
    }
    std::string_view name = xml::LocalName(child);
    if (name == "title") {
      if (!out->title.present) out->title = reader.AtomText(child, atom03);
    } else if (name == "link") {
      if (out->link.empty() && IsPageLink(child)) {
        out->link = reader.Link(xml::Attr(child, "href"), child);
      }
    } else if (name == "id") {
      feed_id = child;
    } else if (name == "entry") {
      AddEntry(ReadEntry(child, reader, atom03), out);
    }
  }
  // As for entries: without a page link, an id that is a web address stands in.
  if (out->link.empty() && feed_id != nullptr) {
    std::string link = reader.Link(reader.TrimmedText(feed_id), feed_id);
    if (link.starts_with("http://") || link.starts_with("https://")) out->link = std::move(link);
  }
}

}  // namespace warta::ingest::feed::atom
