// Adding a source through the web (Admin API, admin pages, OPML imports): the store's own
// checks, plus the fetcher's address rule when serve set Context::check_source_url, so a
// source the fetcher would refuse is refused at once (issue 16, finding 9).
#pragma once

#include <cstdint>

#include "core/result.h"
#include "model/source.h"
#include "web/context.h"

namespace warta::web {

// InvalidArgument "source: 'url' is a loopback, private …" for a refused host (as the store
// words its own refusals), else what SourceStore::Add returns.
Result<std::int64_t> AddCheckedSource(Context& context, const model::NewSource& source);

}  // namespace warta::web
