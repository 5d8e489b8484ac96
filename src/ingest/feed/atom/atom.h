// Atom 1.0 (RFC 4287) and its predecessor Atom 0.3: <feed> with <entry>s. The two differ in
// names (issued/modified vs published/updated) and in how text constructs say what they hold
// (0.3: type is a MIME type plus mode="xml|escaped|base64"; 1.0: type="text|html|xhtml" or a
// MIME type, base64 for non-text types).
#pragma once

#include <libxml/tree.h>

#include "ingest/feed/common/draft.h"
#include "ingest/feed/common/reader.h"

namespace warta::ingest::feed::atom {

void Read(const xmlNode* root, Reader& reader, DraftFeed* out);

}  // namespace warta::ingest::feed::atom
