// GET /?page=N: newest articles first, with source, localized date and counters.
#include <string>

#include "core/limits.h"
#include "web/handlers.h"
#include "web/locale_choice.h"
#include "web/seo.h"

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

view::Data ArticleItem(const Context& context, const Site& site,
                       const model::ArticleSummary& summary, std::int64_t now) {
  model::Counters counters = summary.counters;
  counters.views = context.views.Displayed(summary.id).value_or(counters.views);
  CounterTexts texts = site.FormatCounters(counters);
  view::Data item;
  item.set("path", model::ArticlePath(summary.id, summary.slug));
  item.set("title", summary.title);
  item.set("source", summary.source);
  item.set("published_iso", i18n::Formatter::Iso8601Utc(summary.published_at));
  // "3 jam yang lalu" for today's news (with the exact time on hover), the date for older.
  item.set("published_text", site.formatter().ListDate(summary.published_at, now));
  if (i18n::Formatter::IsRecent(summary.published_at, now)) {
    item.set("published_title", site.formatter().DateTime(summary.published_at));
  }
  item.set("excerpt", summary.excerpt);
  item.set("lang", summary.lang.empty() ? site.locale() : summary.lang);
  item.set("views_text", texts.views);
  item.set("views_label", texts.views_label);
  item.set("likes_text", texts.likes);
  item.set("likes_label", texts.likes_label);
  item.set("comments_text", texts.comments);
  item.set("comments_label", texts.comments_label);
  item.set("shares_text", texts.shares);
  item.set("shares_label", texts.shares_label);
  return item;
}

std::string PageUrl(int page) { return page <= 1 ? "/" : "/?page=" + std::to_string(page); }

}  // namespace

Response HomePage(Context& context, const Request& request) {
  int page = ParsePage(request);
  if (page == 0) return ErrorPage(context, request, 400);
  std::int64_t now = NowUnix();
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
    items.push_back(ArticleItem(context, site, summary, now));
  }
  data.set("articles", items);
  data.set("has_articles", !list.articles.empty());
  data.set("has_prev", page > 1);
  data.set("prev_url", PageUrl(page - 1));
  data.set("has_next", page < last_page);
  data.set("next_url", PageUrl(page + 1));
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
