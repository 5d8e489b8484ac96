// GET /rubrik/{slug}[?page=N][&before=P.ID]: a section's articles, newest first, as cards (one
// per story), paged by cursor (web/pages/list_cursor.h): any page is one range scan of ~20
// index entries. Kept like the front page (web/cache/rendered_pages.h).
#include <algorithm>
#include <string>

#include "core/limits.h"
#include "newsroom/article_checks.h"
#include "storage/editorial_store.h"
#include "storage/section_store.h"
#include "web/handlers.h"
#include "web/pages/front_page.h"
#include "web/pages/list_cursor.h"
#include "web/request/locale_choice.h"

namespace warta::web {
namespace {

constexpr int kSectionPageSize = limits::kHomePageSize;

// The section by slug: from the bar when it knows it, else from the store (a section created
// since the bar was read).
Result<std::optional<model::Section>> FindSection(Context& context, const std::string& slug) {
  if (context.sections != nullptr) {
    if (auto known = context.sections->Find(slug)) return known;
  }
  return context.store.sections().FindBySlug(slug);
}

}  // namespace

Result<RenderedPage> RenderSectionPage(Context& context, const Site& site, const std::string& slug,
                                       const ListPosition& position, std::int64_t now) {
  RenderedPage rendered;
  auto section = FindSection(context, slug);
  if (!section.ok()) return section.error();
  if (!section.value()) {
    rendered.status = 404;
    return rendered;
  }
  const model::Section& s = **section;
  // One more than a page: whether there is an older one, without counting the section.
  if (!position.before && position.page > kMaxOffsetPage) {
    rendered.status = 404;
    return rendered;
  }
  auto articles = position.before
                      ? context.store.editorial().ListBySectionAfter(s.id, kSectionPageSize + 1,
                                                                     position.before)
                      : context.store.editorial().ListBySection(
                            s.id, kSectionPageSize + 1, (position.page - 1) * kSectionPageSize);
  if (!articles.ok()) return articles.error();
  const bool has_next = articles->size() > static_cast<std::size_t>(kSectionPageSize);
  if (has_next) articles->resize(kSectionPageSize);
  if (position.page > 1 && articles->empty()) {
    rendered.status = 404;
    return rendered;
  }
  const int page = position.page;
  const std::string base = SectionPath(s.slug);
  const std::string name = s.name.empty() ? s.slug : s.name;
  const std::string page_label =
      site.catalog().Plural(site.locale(), "page_number", page, site.formatter().Number(page));
  const std::string title =
      (page == 1 ? name : name + " - " + page_label) + " - " + site.settings().name;
  view::Data data =
      site.PageData(title, ListPositionUrl(base, position),
                    s.description.empty() ? name : s.description, SlotMarker(Slot::kCsrfToken));
  data.set("heading", name);
  data.set("description", s.description);
  data.set("articles", StoryCards(context, site, articles.value(), now));
  data.set("has_prev", page > 1);
  data.set("prev_url", PreviousUrl(base, position));
  data.set("has_next", has_next);
  data.set("next_url",
           has_next ? ListPositionUrl(base, NextPosition(position, articles->back())) : base);
  data.set("page_label", page_label);
  data.set("popular_html", RawSlotMarker(RawSlot::kPopular));
  auto html = site.templates().Render("section", data);
  if (!html.ok()) return html.error();
  rendered.page = SplicedPage::FromRendered(html.value());
  return rendered;
}

Response SectionPage(Context& context, const Request& request, const RouteParams& params) {
  const std::string slug(params.Get("slug"));
  // Slugs are short, lower-case ASCII words joined by hyphens: anything else is no section
  // (and never becomes a cache key).
  if (slug.empty() || slug.size() > newsroom::kMaxSectionSlugBytes ||
      !std::all_of(slug.begin(), slug.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      })) {
    return ErrorPage(context, request, 404);
  }
  auto position = ParseListPosition(request);
  if (!position.ok()) return ErrorPage(context, request, 400);
  const std::int64_t now = context.clock.NowUnix();
  const Site& site = SiteFor(context, request);
  return ServeCachedPage(context, request, site, ListPositionUrl(SectionPath(slug), *position), now,
                         [&] { return RenderSectionPage(context, site, slug, *position, now); });
}

}  // namespace warta::web
