// The front page and the section pages (/rubrik/{slug}): what they render and how a kept
// rendering (web/cache/rendered_pages.h) is served. Internal to web/pages/.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "http/message.h"
#include "model/article.h"
#include "view/templates.h"
#include "web/cache/rendered_pages.h"
#include "web/context.h"
#include "web/pages/list_cursor.h"

namespace warta::web {

// Page number from ?page=; 1 when absent, 0 when malformed or out of range.
int ParsePageNumber(const http::Request& request);

// The front page (page 1): the lead story (the newest featured one, else the newest with a
// picture, else the newest), the newest articles one card per story, a block per section
// in the site's order, the popular list beside. Pages 2 and on: older articles as cards.
Result<RenderedPage> RenderHomePage(Context& context, const Site& site, int page, std::int64_t now);
// A section's articles, newest first, paged by cursor (web/pages/list_cursor.h); status 404
// for an unknown section or a page past the last.
Result<RenderedPage> RenderSectionPage(Context& context, const Site& site, const std::string& slug,
                                       const ListPosition& position, std::int64_t now);

// Cards for a list, one per story: an article whose story already has a card is left out
// and counted on that card ("+2 sumber"); `skip_id` is left out too (the lead story).
view::Data StoryCards(const Context& context, const Site& site,
                      const std::vector<model::ArticleSummary>& articles, std::int64_t now,
                      std::int64_t skip_id = 0, std::size_t max_cards = 1000);

// Serves a kept page: the reader's CSRF token and visitor cookie, the popular list, its
// status (an error page for 404), the locale headers. The response keeps `kept` (its gzip
// pieces point into it).
http::Response ServeRenderedPage(Context& context, const http::Request& request, const Site& site,
                                 const std::shared_ptr<const RenderedPage>& kept, std::int64_t now);

// The page rendered now, or (with Context::front) the kept one under `key` for this locale.
http::Response ServeCachedPage(Context& context, const http::Request& request, const Site& site,
                               const std::string& key, std::int64_t now,
                               const RenderedPages::Renderer& render);

}  // namespace warta::web
