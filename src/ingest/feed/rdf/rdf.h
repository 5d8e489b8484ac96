// RSS 1.0 and 0.90: <rdf:RDF> with <channel>, and <item>s beside it (not inside it); each
// item's rdf:about is its id.
#pragma once

#include <libxml/tree.h>

#include "ingest/feed/common/draft.h"
#include "ingest/feed/common/reader.h"

namespace warta::ingest::feed::rdf {

void Read(const xmlNode* root, Reader& reader, DraftFeed* out);

}  // namespace warta::ingest::feed::rdf
