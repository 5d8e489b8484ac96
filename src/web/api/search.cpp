// GET /api/v1/search?q=…: full-text search as JSON (docs/api.md#search), parameters as in
// web/request/search_request.h. `snippet` is HTML: escaped text with the matches in <mark>.
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "i18n/formatter.h"
#include "search/highlight.h"
#include "web/cache/rendered_pages.h"
#include "web/handlers.h"
#include "web/request/search_request.h"

namespace warta::web {

namespace {

// The JSON of a search that ran (status 200).
std::string ResultsJson(const SearchParams& params, const SearchOutcome& outcome) {
  nlohmann::json results = nlohmann::json::array();
  for (const storage::SearchHit& hit : outcome.results.hits) {
    const model::ArticleSummary& a = hit.article;
    results.push_back({
        {"id", a.id},
        {"title", a.title},
        {"path", model::ArticlePath(a.id, a.slug)},
        {"snippet", search::MarkedToHtml(hit.snippet)},
        {"title_html", search::MarkedToHtml(hit.title_marked)},
        {"source", a.source},
        {"published", i18n::Formatter::Iso8601Utc(a.published_at)},
        {"lang", a.lang},
        {"score", hit.score},
    });
  }
  const bool has_more = outcome.results.total > std::int64_t{params.page} * params.page_size &&
                        params.page < kMaxSearchPage;
  nlohmann::json body = {
      {"query", params.query.text},
      {"terms", params.query.terms},
      {"truncated", params.query.truncated},
      {"matched", outcome.matched_any ? "any" : "all"},
      {"total", outcome.results.total},
      {"total_capped", outcome.results.total_capped},
      {"page", params.page},
      {"per_page", params.page_size},
      {"has_more", has_more},
      {"results", std::move(results)},
  };
  // Only when nothing matched: a corrected query to offer ("did you mean").
  body["suggestion"] =
      outcome.suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(outcome.suggestion);
  // Stored text is valid UTF-8 and queries are repaired; replace, never throw, regardless.
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

Response ApiSearch(Context& context, const Request& request) {
  auto params = ParseSearchParams(request, /*allow_limit=*/true);
  if (!params.ok()) return ApiError(400, params.error().message);
  if (params->query.text.empty()) return ApiError(400, "the query is empty: pass ?q=words");
  auto render = [&]() -> Result<RenderedPage> {
    auto outcome = RunSearch(context, *params);
    if (!outcome.ok()) return outcome.error();
    RenderedPage rendered;
    // JSON escapes control characters, so the text has no hole markers: one fixed part,
    // compressed once for gzip.
    rendered.page = SplicedPage::FromRendered(ResultsJson(*params, outcome.value()));
    return rendered;
  };
  // Kept like the search page (web/pages/search_page.cpp): the same query within the kept
  // pages' TTL is answered from the first one's results. The JSON is the same in every
  // locale. Running it each time cost 10 ms of CPU for a common word on a 1,000-article site.
  Result<std::shared_ptr<const RenderedPage>> kept = Error::Internal("web: search not run");
  if (context.front != nullptr) {
    kept = context.front->Get("api|search|" + std::string(request.target), context.clock.NowUnix(),
                              render);
  } else if (auto rendered = render(); rendered.ok()) {
    kept = std::make_shared<const RenderedPage>(std::move(rendered).value());
  } else {
    kept = rendered.error();
  }
  if (!kept.ok()) {
    spdlog::error("web: search failed: {}", kept.error().ToString());
    return ApiError(503, "search is unavailable; try again");
  }
  Response response = http::JsonResponse(200, {});
  kept.value()->page.AppendTo(response.body, SlotValues{}, RawSlotValues{}, response.pieces);
  response.pieces_owner = kept.value();
  response.SetHeader("Cache-Control", "no-cache");
  return response;
}

}  // namespace warta::web
