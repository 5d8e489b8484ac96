#include "ingest/feed/rss/rss.h"

#include <string>

#include "core/ascii.h"
#include "ingest/feed/common/text.h"
#include "ingest/feed/xml/node.h"

namespace warta::ingest::feed::rss {
namespace {

using xml::Ns;

Format VersionOf(const xmlNode* root) {
  std::string version = xml::Attr(root, "version");
  if (version == "0.91") return Format::kRss091;
  if (version == "0.92" || version == "0.93" || version == "0.94") return Format::kRss092;
  if (version == "0.90" || version == "0.9") return Format::kRss090;
  return Format::kRss20;
}

bool IsHttpUrl(std::string_view url) {
  return url.starts_with("http://") || url.starts_with("https://");
}

void ReadEnclosure(const xmlNode* child, Reader& reader, DraftEntry* entry) {
  // Media RSS inside an enclosure (media:title, media:thumbnail) describes the item too.
  for (const xmlNode* n = child->children; n != nullptr; n = n->next) {
    if (xml::IsElement(n) && xml::NamespaceOf(n) == Ns::kMedia) reader.ReadItemExtension(n, entry);
  }
  std::string url = reader.Link(xml::Attr(child, "url"), child);
  if (url.empty()) return;
  std::string type = xml::Attr(child, "type");
  if (type.starts_with("image/") && entry->image.empty()) entry->image = url;
  entry->enclosures.push_back({url, type, xml::NumberAttr(child, "length")});
}

void ReadChannel(const xmlNode* channel, Reader& reader, DraftFeed* out) {
  for (const xmlNode* child = channel->children; child != nullptr; child = child->next) {
    if (!xml::IsElement(child)) continue;
    if (!IsRssElement(child)) {
      reader.ReadFeedExtension(child, out);
      continue;
    }
    std::string_view name = xml::LocalName(child);
    if (name == "title" && !out->title.present) {
      out->title = reader.RssText(child, false);
    } else if (name == "link" && out->link.empty()) {
      std::string text = reader.TrimmedText(child);
      out->link = reader.Link(text.empty() ? xml::Attr(child, "href") : text, child);
    } else if (name == "language" && out->language.empty()) {
      out->language = reader.TrimmedText(child);
    } else if (name == "item") {
      AddEntry(ReadItem(child, reader), out);
    }
  }
}

}  // namespace

bool IsRssElement(const xmlNode* node) {
  Ns ns = xml::NamespaceOf(node);
  return ns == Ns::kNone || ns == Ns::kRss10 || ns == Ns::kRss090;
}

DraftEntry ReadItem(const xmlNode* item, Reader& reader) {
  DraftEntry entry;
  entry.base_url = xml::BaseOf(item);
  const xmlNode* guid = nullptr;
  bool guid_is_permalink = false;
  for (const xmlNode* child = item->children; child != nullptr; child = child->next) {
    if (!xml::IsElement(child)) continue;
    if (!IsRssElement(child)) {
      reader.ReadItemExtension(child, &entry);
      continue;
    }
    std::string_view name = xml::LocalName(child);
    if (name == "title") {
      if (!entry.title.present) entry.title = reader.RssText(child, false);
    } else if (name == "link") {
      if (entry.link.empty()) {
        std::string text = reader.TrimmedText(child);
        entry.link = reader.Link(text.empty() ? xml::Attr(child, "href") : text, child);
      }
    } else if (name == "description") {
      if (!entry.summary.present) entry.summary = reader.RssText(child, true);
    } else if (name == "guid") {
      entry.id = reader.TrimmedText(child);
      guid = child;
      guid_is_permalink = !ascii::EqualsIgnoreCase(xml::Attr(child, "isPermaLink"), "false");
    } else if (name == "pubDate") {
      if (!entry.published) entry.published = reader.Date(child);
    } else if (name == "author") {
      if (entry.author.empty()) entry.author = AuthorName(reader.TrimmedText(child));
    } else if (name == "category") {
      std::string category = reader.TrimmedText(child);
      if (!category.empty()) entry.categories.push_back(std::move(category));
    } else if (name == "enclosure") {
      ReadEnclosure(child, reader, &entry);
    }
  }
  // A permalink guid is the item's link when it has none (RSS 2.0 spec), if it is a URL.
  if (entry.link.empty() && guid != nullptr && guid_is_permalink) {
    std::string link = reader.Link(entry.id, guid);
    if (IsHttpUrl(link)) entry.link = std::move(link);
  }
  return entry;
}

void Read(const xmlNode* root, Reader& reader, DraftFeed* out) {
  out->format = xml::LocalName(root) == "channel" ? Format::kRss091 : VersionOf(root);
  if (xml::LocalName(root) == "channel") {
    ReadChannel(root, reader, out);
    return;
  }
  for (const xmlNode* child = root->children; child != nullptr; child = child->next) {
    if (!xml::IsElement(child) || !IsRssElement(child)) continue;
    if (xml::LocalName(child) == "channel") {
      ReadChannel(child, reader, out);
    } else if (xml::LocalName(child) == "item") {
      AddEntry(ReadItem(child, reader), out);
    }
  }
}

}  // namespace warta::ingest::feed::rss
