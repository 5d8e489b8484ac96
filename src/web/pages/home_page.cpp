// GET /?page=N: the front page of a news site on page 1 (lead story, newest, sections), older
// articles as cards after it. Rendered every few seconds and kept (web/cache/rendered_pages.h):
// a request only fills the reader's holes.
#include <spdlog/spdlog.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/limits.h"
#include "storage/editorial_store.h"
#include "web/handlers.h"
#include "web/pages/front_page.h"
#include "web/request/locale_choice.h"
#include "web/view_models/article_list_item.h"
#include "web/view_models/picture.h"
#include "web/view_models/seo.h"

namespace warta::web {
namespace {

// Cards per section block on the front page.
constexpr int kSectionBlockCards = 4;
// Newest articles read to choose the lead and fill the newest block (one card per story).
constexpr int kFrontCandidates = limits::kHomePageSize;

std::string PageUrl(int page) { return page <= 1 ? "/" : "/?page=" + std::to_string(page); }

// The newest public articles from `offset`, and whether more follow: one more is asked for
// than shown, instead of counting every public article (80 ms of index scan per render at a
// million articles).
struct NewestArticles {
  std::vector<model::ArticleSummary> articles;
  bool has_next = false;
};

Result<NewestArticles> NewestPage(Context& context, int size, int offset) {
  auto listed = context.store.articles().ListNewest(size + 1, offset);
  if (!listed.ok()) return listed.error();
  NewestArticles page{std::move(listed).value(), false};
  page.has_next = page.articles.size() > static_cast<std::size_t>(size);
  if (page.has_next) page.articles.pop_back();
  return page;
}

struct Lead {
  model::ArticleSummary summary;
  bool featured = false;
};

// The lead story: the newest featured article, else the newest with a picture, else the
// newest.
std::optional<Lead> ChooseLead(Context& context, const std::vector<model::ArticleSummary>& newest) {
  auto featured = context.store.editorial().ListFeatured(1);
  if (featured.ok() && !featured->empty()) return Lead{featured->front(), true};
  if (!featured.ok()) spdlog::warn("front page: featured: {}", featured.error().ToString());
  for (const model::ArticleSummary& summary : newest) {
    if (summary.lead_media_id != 0 && context.pictures != nullptr &&
        context.pictures->Find(summary.lead_media_id)) {
      return Lead{summary, false};
    }
  }
  if (!newest.empty()) return Lead{newest.front(), false};
  return std::nullopt;
}

view::Data LeadStory(Context& context, const Site& site, const model::ArticleSummary& lead,
                     bool featured, std::int64_t now) {
  view::Data item = ArticleListItem(context, site, lead, now);
  if (context.pictures != nullptr) {
    if (auto picture = context.pictures->Find(lead.lead_media_id)) {
      item.set("lead_picture", PictureData(*picture, FrontLeadUse()));
    }
  }
  item.set("featured", featured);
  return item;
}

view::Data SectionBlocks(Context& context, const Site& site, std::int64_t now) {
  view::Data blocks = view::MakeList();
  if (context.sections == nullptr) return blocks;
  auto sections = context.sections->Current();
  std::size_t shown = 0;
  for (const model::Section& section : *sections) {
    if (shown == kMaxBarSections) break;
    auto articles = context.store.editorial().ListBySection(section.id, kSectionBlockCards, 0);
    if (!articles.ok()) {
      spdlog::warn("front page: section {}: {}", section.slug, articles.error().ToString());
      continue;
    }
    if (articles->empty()) continue;
    ++shown;
    view::Data block;
    block.set("slug", section.slug);
    block.set("name", section.name.empty() ? section.slug : section.name);
    block.set("url", SectionPath(section.slug));
    block.set("cards", StoryCards(context, site, articles.value(), now));
    blocks.push_back(block);
  }
  return blocks;
}

Result<RenderedPage> RenderFront(Context& context, const Site& site, std::int64_t now) {
  if (context.sections != nullptr) {
    // Sections an editor added or reordered show in the bar within a front page's lifetime.
    if (auto refreshed = context.sections->Refresh(context.store.sections()); !refreshed.ok()) {
      spdlog::warn("front page: sections: {}", refreshed.error().ToString());
    }
  }
  auto newest = NewestPage(context, kFrontCandidates, 0);
  if (!newest.ok()) return newest.error();
  const bool has_next = newest->has_next;
  view::Data data =
      site.PageData(site.settings().name, "/", site.T("home_title"), SlotMarker(Slot::kCsrfToken));
  AddHomeHead(data, site);
  data.set("heading", site.T("home_title"));
  std::optional<Lead> lead = ChooseLead(context, newest->articles);
  if (lead) data.set("lead_story", LeadStory(context, site, lead->summary, lead->featured, now));
  view::Data cards = StoryCards(context, site, newest->articles, now, lead ? lead->summary.id : 0);
  data.set("articles", cards);
  data.set("section_blocks", SectionBlocks(context, site, now));
  data.set("has_prev", false);
  data.set("has_next", has_next);
  data.set("next_url", PageUrl(2));
  data.set("page_label",
           site.catalog().Plural(site.locale(), "page_number", 1, site.formatter().Number(1)));
  data.set("popular_html", RawSlotMarker(RawSlot::kPopular));
  auto html = site.templates().Render("front", data);
  if (!html.ok()) return html.error();
  RenderedPage page;
  page.page = SplicedPage::FromRendered(html.value());
  return page;
}

Result<RenderedPage> RenderOlder(Context& context, const Site& site, int page, std::int64_t now) {
  const int page_size = limits::kHomePageSize;
  auto newest = NewestPage(context, page_size, (page - 1) * page_size);
  if (!newest.ok()) return newest.error();
  RenderedPage rendered;
  if (newest->articles.empty() && page > 1) {
    rendered.status = 404;
    return rendered;
  }
  const bool has_next = newest->has_next;
  const std::string page_label =
      site.catalog().Plural(site.locale(), "page_number", page, site.formatter().Number(page));
  view::Data data = site.PageData(site.settings().name + " - " + page_label, PageUrl(page),
                                  site.T("home_title"), SlotMarker(Slot::kCsrfToken));
  data.set("heading", site.T("home_title"));
  view::Data items = view::MakeList();
  for (const model::ArticleSummary& summary : newest->articles) {
    items.push_back(ArticleListItem(context, site, summary, now));
  }
  data.set("articles", items);
  data.set("has_prev", true);
  data.set("prev_url", PageUrl(page - 1));
  data.set("has_next", has_next);
  data.set("next_url", PageUrl(page + 1));
  data.set("page_label", page_label);
  data.set("popular_html", RawSlotMarker(RawSlot::kPopular));
  auto html = site.templates().Render("home", data);
  if (!html.ok()) return html.error();
  rendered.page = SplicedPage::FromRendered(html.value());
  return rendered;
}

}  // namespace

view::Data StoryCards(const Context& context, const Site& site,
                      const std::vector<model::ArticleSummary>& articles, std::int64_t now,
                      std::int64_t skip_id, std::size_t max_cards) {
  // Which card stands for each story, and how many other reports it stands for.
  std::vector<std::pair<std::int64_t, std::size_t>> story_card;  // story id -> card index
  std::vector<const model::ArticleSummary*> shown;
  std::vector<std::int64_t> others;
  std::int64_t skip_story = 0;
  for (const model::ArticleSummary& summary : articles) {
    if (summary.id == skip_id) skip_story = summary.story_id;
  }
  for (const model::ArticleSummary& summary : articles) {
    if (summary.id == skip_id) continue;
    if (summary.story_id != 0 && summary.story_id == skip_story) continue;
    auto same = std::find_if(story_card.begin(), story_card.end(),
                             [&](const auto& entry) { return entry.first == summary.story_id; });
    if (summary.story_id != 0 && same != story_card.end()) {
      ++others[same->second];
      continue;
    }
    if (shown.size() == max_cards) continue;
    if (summary.story_id != 0) story_card.emplace_back(summary.story_id, shown.size());
    shown.push_back(&summary);
    others.push_back(0);
  }
  view::Data cards = view::MakeList();
  for (std::size_t i = 0; i < shown.size(); ++i) {
    view::Data card = ArticleListItem(context, site, *shown[i], now);
    if (others[i] > 0) {
      card.set("more_sources", site.catalog().Plural(
                                   site.locale(), "more_sources", others[i],
                                   site.formatter().Number(static_cast<std::int64_t>(others[i]))));
    }
    cards.push_back(card);
  }
  return cards;
}

Result<RenderedPage> RenderHomePage(Context& context, const Site& site, int page,
                                    std::int64_t now) {
  return page == 1 ? RenderFront(context, site, now) : RenderOlder(context, site, page, now);
}

Response HomePage(Context& context, const Request& request) {
  const int page = ParsePageNumber(request);
  if (page == 0) return ErrorPage(context, request, 400);
  const std::int64_t now = context.clock.NowUnix();
  const Site& site = SiteFor(context, request);
  return ServeCachedPage(context, request, site, PageUrl(page), now,
                         [&] { return RenderHomePage(context, site, page, now); });
}

}  // namespace warta::web
