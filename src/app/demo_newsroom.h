// The demo site's newsroom content (app/demo_newsroom.cpp), loaded by `warta demo` after
// its articles.
#pragma once

#include "core/clock.h"
#include "core/result.h"
#include "storage/store.h"

namespace warta::app {

// Sections, two authors, the static pages, two newsroom articles (one corrected) and the
// footer links. Run once, on a store without them (AlreadyExists otherwise).
Result<void> LoadDemoNewsroom(storage::Store& store, const Clock& clock);

}  // namespace warta::app
