// The newsroom's public pages (docs/decisions/0009-newsroom.md): GET /penulis/{slug}?page=N
// (an author and their published articles), GET /halaman/{slug} (a static page from the pages
// table: About, Contact, the editorial guidelines) and GET /koreksi?sebelum=ID (every public
// correction, newest first). Only published articles and pages show: the store's public
// reads filter on status. (/rubrik/{slug} is the front page's: pages/section_page.cpp.)
#include <algorithm>
#include <string>

#include "core/limits.h"
#include "storage/author_store.h"
#include "storage/editorial_store.h"
#include "storage/page_store.h"
#include "web/handlers.h"
#include "web/pages/front_page.h"
#include "web/pages/list_cursor.h"
#include "web/request/locale_choice.h"
#include "web/view_models/article_list_item.h"
#include "web/view_models/article_newsroom.h"

namespace warta::web {
namespace {

constexpr int kAuthorPageSize = limits::kHomePageSize;
constexpr int kCorrectionsPageSize = 50;
constexpr std::size_t kMaxSlugBytes = 80;  // i18n::Slugify never makes longer ones

bool LooksLikeSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSlugBytes) return false;
  return std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// A positive number from the query, 1 (or 0 for a cursor) when absent; nullopt when
// malformed or too large.
std::optional<std::int64_t> QueryNumber(const Request& request, const char* name,
                                        std::int64_t absent, std::int64_t max) {
  const std::string text = request.QueryParam(name);
  if (text.empty()) return absent;
  auto value = ParseId(text);
  if (!value || *value > max) return std::nullopt;
  return value;
}

// An author's page at `position` for every reader (their CSRF token is a hole): a count and a
// page of articles with their cards, so rendering it cost ~0.5 ms of CPU; kept like the
// section pages. Status 404 past the last page.
Result<RenderedPage> RenderAuthorPage(Context& context, const Site& site,
                                      const model::Author& author, const ListPosition& position) {
  RenderedPage rendered;
  // Bounded whatever the byline's output (web/pages/list_cursor.h): a count that stops at
  // 1,000, one more article than a page to know whether there is an older one.
  auto total = context.store.editorial().CountByAuthor(author.id, kListCountCap + 1);
  if (!total.ok()) return total.error();
  auto articles = position.before
                      ? context.store.editorial().ListByAuthorAfter(author.id, kAuthorPageSize + 1,
                                                                    position.before)
                      : context.store.editorial().ListByAuthor(
                            author.id, kAuthorPageSize + 1, (position.page - 1) * kAuthorPageSize);
  if (!articles.ok()) return articles.error();
  const bool has_next = articles->size() > static_cast<std::size_t>(kAuthorPageSize);
  if (has_next) articles->resize(kAuthorPageSize);
  if (position.page > 1 && articles->empty()) {
    rendered.status = 404;
    return rendered;
  }
  const std::int64_t now = context.clock.NowUnix();
  const std::string base = AuthorPath(author.slug);
  view::Data data =
      site.PageData(author.name, ListPositionUrl(base, position), "", SlotMarker(Slot::kCsrfToken));
  data.set("heading", author.name);
  data.set("bio", author.bio);
  const bool more = *total > kListCountCap;
  const std::int64_t shown = more ? kListCountCap : *total;
  data.set("count_text",
           site.catalog().Plural(site.locale(),
                                 more ? "author_article_count_more" : "author_article_count", shown,
                                 site.formatter().Number(shown)));
  view::Data items = view::MakeList();
  for (const model::ArticleSummary& summary : *articles) {
    items.push_back(ArticleListItem(context, site, summary, now));
  }
  data.set("articles", items);
  data.set("has_articles", !articles->empty());
  data.set("has_prev", position.page > 1);
  data.set("prev_url", PreviousUrl(base, position));
  data.set("has_next", has_next);
  data.set("next_url",
           has_next ? ListPositionUrl(base, NextPosition(position, articles->back())) : base);
  data.set("page_label", site.catalog().Plural(site.locale(), "page_number", position.page,
                                               site.formatter().Number(position.page)));
  auto html = site.templates().Render("author", data);
  if (!html.ok()) return html.error();
  rendered.page = SplicedPage::FromRendered(html.value());
  return rendered;
}

Result<RenderedPage> RenderStaticPage(const Site& site, const model::Page& page) {
  view::Data data =
      site.PageData(page.title, "/halaman/" + page.slug, "", SlotMarker(Slot::kCsrfToken));
  data.set("heading", page.title);
  data.set("body_html", page.body_html);  // rendered from Markdown and sanitized when saved
  data.set("updated_iso", i18n::Formatter::Iso8601Utc(page.updated_at));
  data.set("updated_text", site.formatter().LongDate(page.updated_at));
  auto html = site.templates().Render("static_page", data);
  if (!html.ok()) return html.error();
  RenderedPage rendered;
  rendered.page = SplicedPage::FromRendered(html.value());
  return rendered;
}

}  // namespace

// Whether the author or page exists is asked per request (one indexed read), so unknown slugs
// get their 404 without taking a place among the kept pages; what is rendered is kept (at most
// the kept pages' TTL old: an edited bio or page shows within seconds).
Response AuthorPage(Context& context, const Request& request, const RouteParams& params) {
  const std::string slug(params.Get("slug"));
  if (!LooksLikeSlug(slug)) return ErrorPage(context, request, 404);
  auto position = ParseListPosition(request);
  if (!position.ok()) return ErrorPage(context, request, 400);
  if (!position->before && position->page > kMaxOffsetPage) {
    return ErrorPage(context, request, 404);
  }
  auto author = context.store.authors().FindBySlug(slug);
  if (!author.ok()) return ErrorPage(context, request, 500);
  if (!author->has_value()) return ErrorPage(context, request, 404);
  const Site& site = SiteFor(context, request);
  const model::Author& found = **author;
  return ServeCachedPage(
      context, request, site, "author|" + ListPositionUrl(AuthorPath(slug), *position),
      context.clock.NowUnix(), [&] { return RenderAuthorPage(context, site, found, *position); });
}

Response StaticPage(Context& context, const Request& request, const RouteParams& params) {
  const std::string slug(params.Get("slug"));
  if (!LooksLikeSlug(slug)) return ErrorPage(context, request, 404);
  auto page = context.store.pages().FindBySlug(slug);
  if (!page.ok()) return ErrorPage(context, request, 500);
  if (!page->has_value() || !(*page)->published) return ErrorPage(context, request, 404);
  const Site& site = SiteFor(context, request);
  const model::Page& found = **page;
  return ServeCachedPage(context, request, site,
                         "page|" + slug + "|" + std::to_string(found.updated_at),
                         context.clock.NowUnix(), [&] { return RenderStaticPage(site, found); });
}

namespace {

// One page of corrections for every reader (their CSRF token is a hole); 404 past the last.
Result<RenderedPage> RenderCorrections(Context& context, const Site& site, std::int64_t before) {
  RenderedPage rendered;
  // One more than shown: whether an older page exists.
  auto corrections = context.store.editorial().RecentCorrections(before, kCorrectionsPageSize + 1);
  if (!corrections.ok()) return corrections.error();
  const bool has_next = corrections->size() > static_cast<std::size_t>(kCorrectionsPageSize);
  if (has_next) corrections->resize(kCorrectionsPageSize);
  if (before != 0 && corrections->empty()) {
    rendered.status = 404;
    return rendered;
  }
  const std::string path =
      before == 0 ? std::string("/koreksi") : "/koreksi?sebelum=" + std::to_string(before);
  view::Data data =
      site.PageData(site.T("corrections_heading"), path, "", SlotMarker(Slot::kCsrfToken));
  view::Data items = view::MakeList();
  for (const model::Correction& correction : *corrections) {
    view::Data item;
    item.set("article_title", correction.article_title);
    item.set("article_path", model::ArticlePath(correction.article_id, correction.article_slug));
    item.set("date_iso", i18n::Formatter::Iso8601Utc(correction.created_at));
    item.set("date_text", site.formatter().DateTime(correction.created_at));
    item.set("note", correction.note);
    items.push_back(item);
  }
  data.set("corrections", items);
  data.set("has_corrections", !corrections->empty());
  data.set("has_prev", before != 0);
  data.set("prev_url", "/koreksi");
  data.set("has_next", has_next);
  data.set("next_url",
           has_next ? "/koreksi?sebelum=" + std::to_string(corrections->back().id) : "");
  data.set("page_label", "");
  auto html = site.templates().Render("corrections", data);
  if (!html.ok()) return html.error();
  rendered.page = SplicedPage::FromRendered(html.value());
  return rendered;
}

}  // namespace

// The first page (what the footer links to) is kept like the front page; older pages, asked
// by any id, are rendered per request and take no place among the kept ones.
Response CorrectionsPage(Context& context, const Request& request) {
  auto before = QueryNumber(request, "sebelum", 0, std::numeric_limits<std::int64_t>::max());
  if (!before) return ErrorPage(context, request, 400);
  const Site& site = SiteFor(context, request);
  const std::int64_t now = context.clock.NowUnix();
  auto render = [&] { return RenderCorrections(context, site, *before); };
  if (*before == 0) return ServeCachedPage(context, request, site, "corrections", now, render);
  auto rendered = render();
  if (!rendered.ok()) return ErrorPage(context, request, 500);
  return ServeRenderedPage(context, request, site,
                           std::make_shared<const RenderedPage>(std::move(rendered).value()), now);
}

}  // namespace warta::web
