// The counters as the article page shows them, for JSON answers that change a counter (like,
// share): scripts put these strings into the page as they are, so plural rules and number
// formats stay on the server, in the reader's language.
#pragma once

#include <nlohmann/json.hpp>

#include "model/article.h"
#include "web/site.h"

namespace warta::web {

// {"views", "views_label", "likes", "likes_label", "comments", "comments_label", "shares",
// "shares_label", "like_prompt"}: Site::FormatCounters in `site`'s locale.
nlohmann::json CounterTextsJson(const Site& site, const model::Counters& counters);

// {"views", "likes", "comments", "shares"} as numbers.
nlohmann::json CountersJson(const model::Counters& counters);

}  // namespace warta::web
