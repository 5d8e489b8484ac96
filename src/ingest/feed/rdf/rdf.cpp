#include "ingest/feed/rdf/rdf.h"

#include "ingest/feed/rss/rss.h"
#include "ingest/feed/xml/node.h"

namespace warta::ingest::feed::rdf {
namespace {

using xml::Ns;

void ReadChannel(const xmlNode* channel, Reader& reader, DraftFeed* out) {
  for (const xmlNode* child = channel->children; child != nullptr; child = child->next) {
    if (!xml::IsElement(child)) continue;
    if (!rss::IsRssElement(child)) {
      reader.ReadFeedExtension(child, out);
      continue;
    }
    std::string_view name = xml::LocalName(child);
    if (name == "title" && !out->title.present) {
      out->title = reader.RssText(child, false);
    } else if (name == "link" && out->link.empty()) {
      out->link = reader.Link(reader.TrimmedText(child), child);
    }
  }
}

}  // namespace

void Read(const xmlNode* root, Reader& reader, DraftFeed* out) {
  out->format = Format::kRss10;
  for (const xmlNode* child = root->children; child != nullptr; child = child->next) {
    if (!xml::IsElement(child) || !rss::IsRssElement(child)) continue;
    if (xml::NamespaceOf(child) == Ns::kRss090) out->format = Format::kRss090;
    std::string_view name = xml::LocalName(child);
    if (name == "channel") {
      ReadChannel(child, reader, out);
    } else if (name == "item") {
      DraftEntry entry = rss::ReadItem(child, reader);
      if (entry.id.empty()) entry.id = xml::Attr(child, "about", Ns::kRdf);
      AddEntry(std::move(entry), out);
    }
  }
}

}  // namespace warta::ingest::feed::rdf
