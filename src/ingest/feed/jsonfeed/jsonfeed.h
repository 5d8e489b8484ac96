// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). A document with "items" but
// without a jsonfeed.org "version" is still read, as a bozo feed.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "ingest/feed/common/draft.h"
#include "ingest/feed/date/date.h"

namespace warta::ingest::feed::jsonfeed {

// Maximum nesting of arrays and objects: real feeds need 4; the parser stops at the first
// array or object deeper than this (json_tree.h), so hostile nesting costs no deep recursion.
inline constexpr int kMaxDepth = 64;

// `utf8` is the whole document. InvalidArgument when it is not JSON or not a feed.
Result<void> Read(std::string_view utf8, std::string_view base_url, const date::TimeZone& zone,
                  DraftFeed* out);

}  // namespace warta::ingest::feed::jsonfeed
