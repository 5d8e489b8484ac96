// GET /search?q=…: the search page (templates/search.mustache): a form with the filters, then
// the results with highlighted snippets and pagination. Without a query it shows the form
// alone; a malformed parameter shows the form with a localized message and status 400.
// Parameters as in web/request/search_request.h.
#include <spdlog/spdlog.h>

#include "search/highlight.h"
#include "web/handlers.h"
#include "web/pages/front_page.h"
#include "web/request/locale_choice.h"
#include "web/request/search_request.h"
#include "web/view_models/article_list_item.h"

namespace warta::web {
namespace {

// What the form shows back: at most this much of each parameter (the template escapes it).
constexpr std::size_t kMaxEchoBytes = 512;

// The languages the filter offers, by their own names (as language pickers do).
struct LanguageOption {
  const char* tag;
  const char* name;
};
constexpr LanguageOption kLanguages[] = {
    {"id", "Bahasa Indonesia"}, {"en", "English"}, {"ja", "日本語"}};

std::string Echo(const Request& request, std::string_view name) {
  std::string value = search::RepairUtf8(request.QueryParam(name));
  return std::string(search::CutUtf8(value, kMaxEchoBytes));
}

// The card of a listing, with the highlighted snippet in place of the excerpt.
view::Data ResultItem(const Context& context, const Site& site, const storage::SearchHit& hit,
                      std::int64_t now) {
  view::Data item = ArticleListItem(context, site, hit.article, now);
  if (hit.snippet.empty()) return item;
  // Parts, each escaped by the template; matches go into <mark>.
  view::Data snippet = view::MakeList();
  for (const search::MarkedPart& part : search::SplitMarked(hit.snippet)) {
    view::Data piece;
    piece.set("text", part.text);
    piece.set("mark", part.match);
    snippet.push_back(piece);
  }
  item.set("excerpt", "");
  item.set("has_snippet", true);
  item.set("snippet", snippet);
  return item;
}

// The form's fields, shown back as the reader sent them (also when they were refused).
void SetForm(const Request& request, view::Data& data) {
  data.set("filter_source", Echo(request, "source"));
  data.set("filter_tag", Echo(request, "tag"));
  data.set("filter_from", Echo(request, "from"));
  data.set("filter_to", Echo(request, "to"));
  const std::string lang = Echo(request, "lang");
  view::Data options = view::MakeList();
  bool known = lang.empty();
  for (const LanguageOption& option : kLanguages) {
    view::Data item;
    item.set("value", option.tag);
    item.set("name", option.name);
    item.set("selected", lang == option.tag);
    known = known || lang == option.tag;
    options.push_back(item);
  }
  if (!known) {  // an unusual tag from a link: keep it selectable rather than drop it
    view::Data item;
    item.set("value", lang);
    item.set("name", lang);
    item.set("selected", true);
    options.push_back(item);
  }
  data.set("lang_options", options);
  data.set("any_lang_selected", lang.empty());
}

void SetResults(const Context& context, const Site& site, const SearchParams& params,
                const SearchOutcome& outcome, view::Data& data) {
  const std::int64_t now = context.clock.NowUnix();
  const std::int64_t total = outcome.results.total;
  data.set("searched", true);
  // Past the bound only the newest matches are ranked (storage/search_store.h): "more than".
  const char* count_key =
      outcome.results.total_capped ? "search_result_count_more" : "search_result_count";
  data.set("result_count_text",
           site.catalog().Plural(site.locale(), count_key, total, site.formatter().Number(total)));
  view::Data items = view::MakeList();
  for (const storage::SearchHit& hit : outcome.results.hits) {
    items.push_back(ResultItem(context, site, hit, now));
  }
  data.set("results", items);
  data.set("matched_any", outcome.matched_any && total > 0);
  if (!outcome.suggestion.empty()) {
    data.set("suggestion", outcome.suggestion);
    data.set("suggestion_url", SearchUrlWithQuery(params, outcome.suggestion));
  }
  data.set("truncated", params.query.truncated);
  // Past the last page: say so, and link back to the first.
  data.set("beyond_last", total > 0 && outcome.results.hits.empty());
  data.set("first_url", SearchUrl(params, 1));
  const std::int64_t last_page = (total + params.page_size - 1) / params.page_size;
  data.set("has_prev", params.page > 1 && params.page <= last_page);
  data.set("prev_url", SearchUrl(params, params.page - 1));
  data.set("has_next", params.page < last_page && params.page < kMaxSearchPage);
  data.set("next_url", SearchUrl(params, params.page + 1));
  data.set("has_pages", last_page > 1);
  data.set("page_label", site.catalog().Plural(site.locale(), "page_number", params.page,
                                               site.formatter().Number(params.page)));
}

// The page for every reader (their CSRF token is a hole): the form, the message of
// `error_key` if any, and the results when there are some.
Result<RenderedPage> RenderSearch(Context& context, const Request& request, const Site& site,
                                  const Result<SearchParams>& params, int status,
                                  const std::string& error_key, const SearchOutcome& outcome) {
  const std::string query = params.ok() ? params->query.text : Echo(request, "q");
  const std::string& heading = site.T("search_heading");
  const std::string title = query.empty() ? heading : query + " - " + heading;
  // The switcher comes back to these results (GET /lang drops only the lang filter).
  const std::string path =
      request.target.size() <= kMaxEchoBytes * 4 ? std::string(request.target) : "/search";
  view::Data data = site.PageData(title, path, "", SlotMarker(Slot::kCsrfToken));
  data.set("query", query);
  // The page's own form has the query and its filters; a second box in the header would
  // only confuse.
  data.set("hide_header_search", true);
  data.set("noindex", true);
  data.set("alternates", view::MakeList());  // "/search?lang=xx" would be a filter
  SetForm(request, data);
  if (!error_key.empty()) data.set("error", site.T(error_key));
  if (status == 200 && !query.empty()) SetResults(context, site, *params, outcome, data);
  auto html = site.templates().Render("search", data);
  if (!html.ok()) return html.error();
  RenderedPage rendered;
  rendered.status = status;
  rendered.own_body = true;
  rendered.page = SplicedPage::FromRendered(html.value());
  return rendered;
}

Response Serve(Context& context, const Request& request, const Site& site,
               Result<RenderedPage> rendered, std::int64_t now) {
  if (!rendered.ok()) return ErrorPage(context, 500);
  return ServeRenderedPage(context, request, site,
                           std::make_shared<const RenderedPage>(std::move(rendered).value()), now);
}

}  // namespace

Response SearchPage(Context& context, const Request& request) {
  // ?lang= filters the results by language here; it does not choose the page's language.
  const Site& site = SiteFor(context, request, LangParam::kIgnored);
  const std::int64_t now = context.clock.NowUnix();
  auto params = ParseSearchParams(request, /*allow_limit=*/false);
  if (!params.ok()) {
    const std::string key =
        params.error().user_key.empty() ? "search_error_filter" : params.error().user_key;
    return Serve(context, request, site, RenderSearch(context, request, site, params, 400, key, {}),
                 now);
  }
  if (params->query.text.empty()) {
    return Serve(context, request, site, RenderSearch(context, request, site, params, 200, "", {}),
                 now);
  }
  auto render = [&]() -> Result<RenderedPage> {
    auto found = RunSearch(context, *params);
    if (!found.ok()) return found.error();
    return RenderSearch(context, request, site, params, 200, "", found.value());
  };
  // The same search within the kept pages' TTL shows the same results: one search for all
  // the readers who follow a link to it.
  Result<std::shared_ptr<const RenderedPage>> kept = Error::Internal("web: search not run");
  if (context.front != nullptr) {
    kept =
        context.front->Get(site.locale() + "|search|" + std::string(request.target), now, render);
  } else if (auto rendered = render(); rendered.ok()) {
    kept = std::make_shared<const RenderedPage>(std::move(rendered).value());
  } else {
    kept = rendered.error();
  }
  if (kept.ok()) return ServeRenderedPage(context, request, site, kept.value(), now);
  spdlog::error("web: search failed: {}", kept.error().ToString());
  return Serve(context, request, site,
               RenderSearch(context, request, site, params, 503, "search_error_unavailable", {}),
               now);
}

}  // namespace warta::web
