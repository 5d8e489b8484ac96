#include "web/cache/popular.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "i18n/formatter.h"
#include "storage/tag_store.h"

namespace warta::web {
namespace {

// Tags listed in the directory: far more than any site uses, so only abuse is cut off.
constexpr int kMaxTags = 20'000;
// A slug missing from the directory reloads it at most this often.
constexpr std::int64_t kMissReloadSeconds = 2;

}  // namespace

const TagEntry* TagDirectory::Find(std::string_view slug) const {
  auto it = by_slug.find(slug);
  return it == by_slug.end() ? nullptr : &entries[it->second];
}

const std::string& PopularFragment::Html(std::string_view locale) const {
  static const std::string kNone;
  auto it = html_by_locale.find(locale);
  return it == html_by_locale.end() ? kNone : it->second;
}

const http::DeflatedPart* PopularFragment::Gzip(std::string_view locale) const {
  auto it = gzip_by_locale.find(locale);
  return it == gzip_by_locale.end() ? nullptr : &it->second;
}

void FillPopularHole(const PopularFragment* popular, std::string_view locale, RawSlotValues& raw,
                     RawSlotGzip& raw_gzip) {
  if (popular == nullptr) return;
  const auto hole = static_cast<std::size_t>(RawSlot::kPopular);
  raw[hole] = popular->Html(locale);
  raw_gzip[hole] = popular->Gzip(locale);
}

std::shared_ptr<const void> OwnPieces(std::shared_ptr<const void> page,
                                      std::shared_ptr<const void> popular) {
  if (!popular) return page;
  return std::make_shared<const PieceOwners>(PieceOwners{std::move(page), std::move(popular)});
}

std::string TagPath(const std::string& tag) {
  std::string slug = i18n::Slugify(tag);
  return slug.empty() ? std::string() : "/tag/" + slug;
}

PopularLists::PopularLists(storage::Store& store, SharedSite site, PopularOptions options,
                           const Clock& clock)
    : store_(store), site_(std::move(site)), options_(options), clock_(clock) {
  fragment_.store(std::make_shared<const PopularFragment>());
  tags_.store(std::make_shared<const TagDirectory>());
}

PopularLists::~PopularLists() { Stop(); }

Result<std::vector<storage::PopularArticle>> PopularLists::Query(
    const std::vector<std::string>& tags, std::int64_t now_unix) {
  storage::PopularQuery query;
  query.limit = options_.list_size;
  query.tags = tags;
  query.published_after = now_unix - std::int64_t{options_.max_age_days} * 86400;
  query.now = now_unix;
  return store_.trending().Top(query);
}

Result<std::string> PopularLists::Render(const std::vector<storage::PopularArticle>& top,
                                         const Site& site) {
  if (top.empty()) return std::string();
  view::Data data = site.PageData("", "", "", "");
  view::Data items = view::MakeList();
  int rank = 0;
  for (const storage::PopularArticle& article : top) {
    CounterTexts texts = site.FormatCounters(article.counters);
    view::Data item;
    item.set("rank", std::to_string(++rank));
    item.set("path", model::ArticlePath(article.id, article.slug));
    item.set("title", article.title);
    item.set("source", article.source);
    item.set("views_label", texts.views_label);
    items.push_back(item);
  }
  data.set("popular", items);
  return site.templates().Render("popular", data);
}

Result<std::string> PopularLists::RenderFor(const std::vector<std::string>& tags, const Site& site,
                                            std::int64_t now_unix) {
  auto top = Query(tags, now_unix);
  if (!top.ok()) return top.error();
  return Render(*top, site);
}

Result<void> PopularLists::ReloadTags(std::int64_t now_unix) {
  std::lock_guard lock(reload_mutex_);
  auto listed = store_.tags().ListTags(kMaxTags);
  if (!listed.ok()) return listed.error();
  auto directory = std::make_shared<TagDirectory>();
  directory->loaded_at = now_unix;
  for (const storage::TagCount& tag : *listed) {
    auto known = slugs_.find(tag.tag);
    if (known == slugs_.end()) known = slugs_.emplace(tag.tag, i18n::Slugify(tag.tag)).first;
    const std::string& slug = known->second;
    if (slug.empty()) continue;
    auto [it, added] = directory->by_slug.emplace(slug, directory->entries.size());
    if (added) directory->entries.push_back(TagEntry{slug, {}, 0});
    TagEntry& entry = directory->entries[it->second];
    entry.names.push_back(tag.tag);
    entry.articles += tag.articles;
  }
  // The slug cache only keeps tags that still exist.
  if (slugs_.size() > listed->size() * 2 + 1024) slugs_.clear();
  tags_.store(std::move(directory));
  return Ok();
}

Result<void> PopularLists::Refresh(std::int64_t now_unix) {
  // Serialized: the generation is read, compared and bumped as one step.
  std::lock_guard refreshing(refresh_mutex_);
  auto top = Query({}, now_unix);
  if (!top.ok()) return top.error();
  auto next = std::make_shared<PopularFragment>();
  // The default-locale site, held for the whole render (a reload may swap it meanwhile);
  // settings().locales lists every offered locale, itself first.
  const std::shared_ptr<const Site> site = site_.Load();
  for (const std::string& locale : site->settings().locales) {
    auto html = Render(*top, site->For(locale));
    if (!html.ok()) return html.error();
    next->html_by_locale[locale] = std::move(html).value();
  }
  auto current = fragment_.load();
  if (current->html_by_locale != next->html_by_locale) {
    // Compressed only when the list changed: refreshes that find it the same cost nothing.
    for (const auto& [locale, html] : next->html_by_locale) {
      next->gzip_by_locale.emplace(locale, http::DeflatePart(html));
    }
    next->generation = current->generation + 1;
    fragment_.store(std::move(next));
  }
  refreshes_.fetch_add(1);
  return ReloadTags(now_unix);
}

std::optional<TagEntry> PopularLists::FindTag(std::string_view slug, std::int64_t now_unix) {
  auto directory = tags_.load();
  if (const TagEntry* entry = directory->Find(slug)) return *entry;
  if (now_unix - directory->loaded_at < kMissReloadSeconds) return std::nullopt;
  if (auto reloaded = ReloadTags(now_unix); !reloaded.ok()) {
    spdlog::warn("tags: reload failed: {}", reloaded.error().ToString());
    return std::nullopt;
  }
  directory = tags_.load();
  if (const TagEntry* entry = directory->Find(slug)) return *entry;
  return std::nullopt;
}

void PopularLists::Start() {
  std::lock_guard lock(mutex_);
  if (thread_.joinable() || stopping_) return;
  thread_ = std::thread([this] { Run(); });
}

void PopularLists::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    if (auto refreshed = Refresh(clock_.NowUnix()); !refreshed.ok()) {
      // The previous list stays up; the next interval tries again.
      spdlog::warn("popular: refresh failed: {}", refreshed.error().ToString());
    }
    lock.lock();
    wake_.wait_for(lock, options_.refresh, [this] { return stopping_; });
  }
}

void PopularLists::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace warta::web
