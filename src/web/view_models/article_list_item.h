// One article of a listing (home, tag pages) as templates/article_card.mustache takes it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/article.h"
#include "view/templates.h"
#include "web/context.h"

namespace warta::web {

// Counters include views not yet flushed. `tags` (may be empty) become links to tag pages.
// Dates are relative ("3 jam yang lalu") when recent, measured from `now` (unix seconds).
view::Data ArticleListItem(const Context& context, const Site& site,
                           const model::ArticleSummary& summary, std::int64_t now,
                           const std::vector<std::string>& tags = {});

// {name, url} items for tag links (url empty for a tag without a usable slug).
view::Data TagLinks(const std::vector<std::string>& tags);

}  // namespace warta::web
