// What every XML format adapter needs while walking a tree: text, dates in the feed's default zone,
// links resolved against xml:base, and the elements that RSS 2.0, RSS 1.0 and Atom share through
// namespaces (dc, dcterms, content, media, itunes).
#pragma once

#include <libxml/tree.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "ingest/feed/common/draft.h"
#include "ingest/feed/date/date.h"
#include "ingest/feed/xml/node.h"

namespace warta::ingest::feed {

class Reader {
 public:
  explicit Reader(std::string_view default_time_zone);

  // Text content of the element.
  std::string Text(const xmlNode* node);
  // Trimmed text content.
  std::string TrimmedText(const xmlNode* node);
  // The element's text read as a date; nullopt when absent or unreadable.
  std::optional<std::int64_t> Date(const xmlNode* node);
  // `raw` made absolute against the base in effect at `node`.
  std::string Link(std::string_view raw, const xmlNode* node);
  // An RSS-style text element (title, description): markup children are HTML; otherwise
  // the text is HTML if `html` or if it looks like HTML.
  RawText RssText(const xmlNode* node, bool html);
  // An Atom text construct (type="text|html|xhtml|MIME", Atom 0.3 mode="escaped|base64|xml").
  RawText AtomText(const xmlNode* node, bool atom03);

  // dc:*, dcterms:*, content:encoded, media:*, itunes:*, xhtml:body and (in RSS) atom:*
  // elements of an item or entry. Returns false if `child` is none of them.
  bool ReadItemExtension(const xmlNode* child, DraftEntry* entry);
  // The same for channel-level elements (dc:language, dc:title, atom:link).
  bool ReadFeedExtension(const xmlNode* child, DraftFeed* feed);

 private:
  void ReadMedia(const xmlNode* node, DraftEntry* entry);

  date::TimeZone zone_;
};

// The author of an RSS <author> or <managingEditor>: "jo@x.org (Jo Doe)" -> "Jo Doe".
std::string AuthorName(std::string_view text);

}  // namespace warta::ingest::feed
