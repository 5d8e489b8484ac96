// GET /?page=N: newest articles first, with source, localized date and counters.
#include <string>

#include "core/limits.h"
#include "web/handlers.h"
#include "web/request/locale_choice.h"
#include "web/view_models/article_list_item.h"
#include "web/view_models/seo.h"

namespace warta::web {
namespace {

// Page number from ?page=; 1 when absent, 0 when malformed or out of range.
int ParsePage(const Request& request) {
  std::string text = request.QueryParam("page");
  if (text.empty()) return 1;
  auto value = ParseId(text);
  if (!value || *value > limits::kMaxPageNumber) return 0;
  return static_cast<int>(*value);
}

std::string PageUrl(int page) { return page <= 1 ? "/" : "/?page=" + std::to_string(page); }

}  // namespace

Response HomePage(Context& context, const Request& request) {
  int page = ParsePage(request);
  if (page == 0) return ErrorPage(context, request, 400);
  std::int64_t now = context.clock.NowUnix();
  auto listing = context.home.Page(page, now);
  if (!listing.ok()) return ErrorPage(context, request, 500);
  const HomeListing& list = *listing.value();
  std::int64_t page_size = context.home.page_size();
  std::int64_t last_page = std::max<std::int64_t>(1, (list.total + page_size - 1) / page_size);
  if (page > last_page) return ErrorPage(context, request, 404);

  const Site& site = SiteFor(context, request);
  Visitor visitor = IdentifyVisitor(context, request, now);
  std::string title = page == 1 ? site.settings().name
                                : site.settings().name + " - " +
                                      site.catalog().Plural(site.locale(), "page_number", page,
                                                            site.formatter().Number(page));
  view::Data data = site.PageData(title, PageUrl(page), site.T("home_title"), visitor.csrf_token);
  if (page == 1) AddHomeHead(data, site);
  data.set("heading", site.T("home_title"));
  view::Data items = view::MakeList();
  for (const model::ArticleSummary& summary : list.articles) {
    items.push_back(ArticleListItem(context, site, summary, now));
  }
  data.set("articles", items);
  data.set("has_articles", !list.articles.empty());
  data.set("has_prev", page > 1);
  data.set("prev_url", PageUrl(page - 1));
  data.set("has_next", page < last_page);
  data.set("next_url", PageUrl(page + 1));
  if (context.popular != nullptr) {
    data.set("popular_html", context.popular->Current()->Html(site.locale()));
  }
  data.set("page_label", site.catalog().Plural(site.locale(), "page_number", page,
                                               site.formatter().Number(page)));
  auto html = site.templates().Render("home", data);
  if (!html.ok()) return ErrorPage(context, request, 500);
  Response response;
  response.body = std::move(html).value();
  response.SetHeader("Cache-Control", "private, no-cache");
  response.SetHeader("ETag",
                     "W/\"" + std::to_string(std::hash<std::string>{}(response.body)) + "\"");
  MarkLocalized(response, site);
  if (!visitor.set_cookie.empty()) response.SetHeader("Set-Cookie", visitor.set_cookie);
  return response;
}

}  // namespace warta::web
