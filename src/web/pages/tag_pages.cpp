// GET /tag: every tag with its article count. GET /tag/{slug}[?page=N][&before=P.ID]: the
// articles of one tag (categories are tags), newest first, with the tag's most popular list;
// "older" links are cursors (web/pages/list_cursor.h), so any page reads ~20 index entries per
// tag name and the count stops at 1,000. An unknown slug is 404; a page past the last is 404
// too, but shows the tag with a link back to its first page.
#include <algorithm>
#include <map>
#include <string>

#include "core/limits.h"
#include "storage/tag_store.h"
#include "web/handlers.h"
#include "web/pages/front_page.h"
#include "web/pages/list_cursor.h"
#include "web/request/locale_choice.h"
#include "web/view_models/article_list_item.h"

namespace warta::web {
namespace {

constexpr int kTagPageSize = limits::kHomePageSize;
constexpr std::size_t kMaxSlugBytes = 80;  // i18n::Slugify never makes longer ones
constexpr int kMaxIndexTags = 2000;        // the index lists the most used ones

bool LooksLikeSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSlugBytes) return false;
  return std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

// The tag of a slug, from the node's directory (or the store, when there is none).
std::optional<TagEntry> ResolveTag(Context& context, std::string_view slug, std::int64_t now) {
  if (context.popular != nullptr) return context.popular->FindTag(slug, now);
  auto tags = context.store.tags().ListTags(kMaxIndexTags);
  if (!tags.ok()) return std::nullopt;
  std::optional<TagEntry> found;
  for (const storage::TagCount& tag : *tags) {
    if (i18n::Slugify(tag.tag) != slug) continue;
    if (!found) found = TagEntry{std::string(slug), {}, 0};
    found->names.push_back(tag.tag);
    found->articles += tag.articles;
  }
  return found;
}

// The listed articles with their tags as links (one query for all of them).
Result<view::Data> ArticleItems(Context& context, const Site& site,
                                const std::vector<model::ArticleSummary>& articles) {
  std::vector<std::int64_t> ids;
  ids.reserve(articles.size());
  for (const model::ArticleSummary& summary : articles) ids.push_back(summary.id);
  auto tags = context.store.tags().TagsOf(ids);
  if (!tags.ok()) return tags.error();
  std::map<std::int64_t, std::vector<std::string>> by_id(tags->begin(), tags->end());
  view::Data items = view::MakeList();
  for (const model::ArticleSummary& summary : articles) {
    items.push_back(
        ArticleListItem(context, site, summary, context.clock.NowUnix(), by_id[summary.id]));
  }
  return items;
}

// The index for every reader (their CSRF token is a hole), rendered once per TTL of the kept
// pages: rendering up to kMaxIndexTags entries per request cost 2.6 ms of CPU.
Result<RenderedPage> RenderTagsIndex(Context& context, const Site& site) {
  std::vector<TagEntry> entries;
  if (context.popular != nullptr) {
    entries = context.popular->Tags()->entries;
  } else {
    auto tags = context.store.tags().ListTags(kMaxIndexTags);
    if (!tags.ok()) return tags.error();
    for (const storage::TagCount& tag : *tags) {
      std::string slug = i18n::Slugify(tag.tag);
      if (!slug.empty()) entries.push_back(TagEntry{slug, {tag.tag}, tag.articles});
    }
  }
  if (entries.size() > static_cast<std::size_t>(kMaxIndexTags)) entries.resize(kMaxIndexTags);
  view::Data data = site.PageData(site.T("tags_heading"), "/tag", "", SlotMarker(Slot::kCsrfToken));
  view::Data items = view::MakeList();
  for (const TagEntry& entry : entries) {
    view::Data item;
    item.set("name", entry.names.front());
    item.set("path", "/tag/" + entry.slug);
    item.set("count_text", site.catalog().Plural(site.locale(), "tag_article_count", entry.articles,
                                                 site.formatter().Number(entry.articles)));
    items.push_back(item);
  }
  data.set("tags", items);
  auto html = site.templates().Render("tags", data);
  if (!html.ok()) return html.error();
  RenderedPage rendered;
  rendered.page = SplicedPage::FromRendered(html.value());
  return rendered;
}

}  // namespace

Response TagsIndexPage(Context& context, const Request& request) {
  const Site& site = SiteFor(context, request);
  return ServeCachedPage(context, request, site, "tags", context.clock.NowUnix(),
                         [&] { return RenderTagsIndex(context, site); });
}

namespace {

// The tag's page at `position` for every reader: their CSRF token and the popular list are
// holes (web/pages/front_page.h), so it is rendered once per TTL of the kept pages, not per
// request.
Result<RenderedPage> RenderTagPage(Context& context, const Site& site, const TagEntry& tag,
                                   const ListPosition& position, std::int64_t now) {
  RenderedPage rendered;
  auto total = context.store.tags().CountByTags(tag.names, kListCountCap + 1);
  if (!total.ok()) return total.error();
  if (*total == 0) {  // its last article went meanwhile
    rendered.status = 404;
    return rendered;
  }
  // One more than a page: whether there is an older page, without counting the tag.
  std::vector<model::ArticleSummary> articles;
  if (position.before || position.page <= kMaxOffsetPage) {
    auto listed =
        position.before
            ? context.store.tags().ListByTagsAfter(tag.names, kTagPageSize + 1, position.before)
            : context.store.tags().ListByTags(tag.names, kTagPageSize + 1,
                                              (position.page - 1) * kTagPageSize);
    if (!listed.ok()) return listed.error();
    articles = std::move(listed).value();
  }
  const bool has_next = articles.size() > static_cast<std::size_t>(kTagPageSize);
  if (has_next) articles.resize(kTagPageSize);
  const bool out_of_range = articles.empty();
  auto items = ArticleItems(context, site, articles);
  if (!items.ok()) return items.error();
  std::string popular;
  if (context.popular != nullptr) {
    auto popular_html = context.popular->RenderFor(tag.names, site, now);
    if (popular_html.ok()) popular = std::move(popular_html).value();
  }

  const std::string base = "/tag/" + tag.slug;
  const std::string& name = tag.names.front();
  const int page = position.page;
  const std::string page_label =
      site.catalog().Plural(site.locale(), "page_number", page, site.formatter().Number(page));
  view::Data data =
      site.PageData(page == 1 ? name : name + " - " + page_label, ListPositionUrl(base, position),
                    "", SlotMarker(Slot::kCsrfToken));
  data.set("heading", name);
  const bool more = *total > kListCountCap;
  const std::int64_t shown = more ? kListCountCap : *total;
  data.set("count_text", site.catalog().Plural(
                             site.locale(), more ? "tag_article_count_more" : "tag_article_count",
                             shown, site.formatter().Number(shown)));
  data.set("articles", items.value());
  data.set("out_of_range", out_of_range);
  data.set("first_url", base);
  data.set("has_prev", page > 1 && !out_of_range);
  data.set("prev_url", PreviousUrl(base, position));
  data.set("has_next", has_next);
  data.set("next_url",
           has_next ? ListPositionUrl(base, NextPosition(position, articles.back())) : base);
  data.set("page_label", page_label);
  data.set("popular_html", popular);
  auto html = site.templates().Render("tag", data);
  if (!html.ok()) return html.error();
  rendered.page = SplicedPage::FromRendered(html.value());
  // Past the last page: 404, but the page itself (the tag and a link back to its first page).
  rendered.status = out_of_range ? 404 : 200;
  rendered.own_body = out_of_range;
  return rendered;
}

}  // namespace

Response TagPage(Context& context, const Request& request, const RouteParams& params) {
  const std::string_view slug = params.Get("slug");
  if (!LooksLikeSlug(slug)) return ErrorPage(context, request, 404);
  auto position = ParseListPosition(request);
  if (!position.ok()) return ErrorPage(context, request, 400);
  const std::int64_t now = context.clock.NowUnix();
  std::optional<TagEntry> tag = ResolveTag(context, slug, now);
  if (!tag) return ErrorPage(context, request, 404);
  const Site& site = SiteFor(context, request);
  return ServeCachedPage(context, request, site,
                         "tag|" + ListPositionUrl("/tag/" + tag->slug, *position), now,
                         [&] { return RenderTagPage(context, site, *tag, *position, now); });
}

}  // namespace warta::web
