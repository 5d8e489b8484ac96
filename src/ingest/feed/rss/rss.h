// RSS 0.9x and 2.0: <rss><channel>...<item>...</item></channel></rss>, also a bare <channel>
// root and items misplaced outside the channel (both seen in the wild).
#pragma once

#include <libxml/tree.h>

#include "ingest/feed/common/draft.h"
#include "ingest/feed/common/reader.h"

namespace warta::ingest::feed::rss {

void Read(const xmlNode* root, Reader& reader, DraftFeed* out);

// One <item> of RSS 0.9x, 1.0 or 2.0 (RSS 1.0 shares the vocabulary; rdf/ adds rdf:about).
DraftEntry ReadItem(const xmlNode* item, Reader& reader);

// Whether `node` is in the RSS vocabulary: no namespace, or the RSS 0.90/1.0 namespace.
bool IsRssElement(const xmlNode* node);

}  // namespace warta::ingest::feed::rss
