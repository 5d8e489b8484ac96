// GET /api/v1/search?q=…: full-text search as JSON (docs/api.md#search), parameters as in
// web/request/search_request.h. `snippet` is HTML: escaped text with the matches in <mark>.
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "i18n/formatter.h"
#include "search/highlight.h"
#include "web/handlers.h"
#include "web/request/search_request.h"

namespace warta::web {

Response ApiSearch(Context& context, const Request& request) {
  auto params = ParseSearchParams(request, /*allow_limit=*/true);
  if (!params.ok()) return ApiError(400, params.error().message);
  if (params->query.text.empty()) return ApiError(400, "the query is empty: pass ?q=words");
  auto outcome = RunSearch(context, *params);
  if (!outcome.ok()) {
    spdlog::error("web: search failed: {}", outcome.error().ToString());
    return ApiError(503, "search is unavailable; try again");
  }

  nlohmann::json results = nlohmann::json::array();
  for (const storage::SearchHit& hit : outcome->results.hits) {
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
  const bool has_more = outcome->results.total > std::int64_t{params->page} * params->page_size &&
                        params->page < kMaxSearchPage;
  nlohmann::json body = {
      {"query", params->query.text},
      {"terms", params->query.terms},
      {"truncated", params->query.truncated},
      {"matched", outcome->matched_any ? "any" : "all"},
      {"total", outcome->results.total},
      {"total_capped", outcome->results.total_capped},
      {"page", params->page},
      {"per_page", params->page_size},
      {"has_more", has_more},
      {"results", std::move(results)},
  };
  // Only when nothing matched: a corrected query to offer ("did you mean").
  body["suggestion"] =
      outcome->suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(outcome->suggestion);
  // Stored text is valid UTF-8 and queries are repaired; replace, never throw, regardless.
  Response response =
      http::JsonResponse(200, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  response.SetHeader("Cache-Control", "no-cache");
  return response;
}

}  // namespace warta::web
