#include "web/cache/article_cache.h"

#include <mutex>

namespace warta::web {
namespace {

void StoreLive(LiveCounters& live, const model::Counters& stored) {
  live.likes.store(stored.likes, std::memory_order_relaxed);
  live.comments.store(stored.comments, std::memory_order_relaxed);
  live.shares.store(stored.shares, std::memory_order_relaxed);
}

}  // namespace

model::Counters CachedArticle::counters() const {
  model::Counters counters = article.counters;
  counters.likes = live->likes.load(std::memory_order_relaxed);
  counters.comments = live->comments.load(std::memory_order_relaxed);
  counters.shares = live->shares.load(std::memory_order_relaxed);
  return counters;
}

ArticleCache::ArticleCache(storage::ArticleStore& store, engagement::ViewCounter& views,
                           Renderer render, std::size_t capacity, int refresh_seconds)
    : store_(store),
      views_(views),
      render_(std::move(render)),
      capacity_(capacity),
      refresh_seconds_(refresh_seconds) {}

Result<std::shared_ptr<const CachedArticle>> ArticleCache::Get(std::int64_t id,
                                                               std::int64_t now_unix) {
  std::shared_ptr<const CachedArticle> entry;
  {
    std::shared_lock lock(mutex_);
    auto it = entries_.find(id);
    if (it != entries_.end()) entry = it->second;
  }
  if (entry && now_unix - entry->loaded_at < refresh_seconds_) {
    hits_.fetch_add(1, std::memory_order_relaxed);
    return entry;
  }
  misses_.fetch_add(1, std::memory_order_relaxed);
  const std::uint64_t dropped_before = dropped_.load();
  auto loaded = Load(id, now_unix, entry.get());
  if (!loaded.ok()) {
    // A store hiccup while refreshing should not take a cached page down.
    if (entry && loaded.error().code != ErrorCode::kNotFound) return entry;
    // Only a cached article that stopped being public is dropped: unknown ids (a crawler's
    // guesses) must not keep other loads from being kept (see Put).
    if (entry && loaded.error().code == ErrorCode::kNotFound) Invalidate(id);
    return loaded.error();
  }
  Put(id, loaded.value(), dropped_before);
  return loaded;
}

Result<std::shared_ptr<const CachedArticle>> ArticleCache::Load(std::int64_t id,
                                                                std::int64_t now_unix,
                                                                const CachedArticle* previous) {
  // Read before the store is, so a write applied while the store is read is noticed.
  const std::uint64_t applied_before = applied_.load();
  const std::uint64_t updates_before = previous != nullptr ? previous->live->updates.load() : 0;
  auto article = store_.FindById(id);
  if (!article.ok()) return article.error();
  // Public = published only (docs/decisions/0009-newsroom.md): a draft, a scheduled or a
  // withdrawn article is not served, liked or shared. A withdrawn one says so (410).
  if (!model::IsPublic(article->status)) {
    const bool withdrawn = article->status == model::ArticleStatus::kUnpublished;
    return Error::NotFound(
        "web: article " + std::to_string(id) + " is " + std::string(model::ToText(article->status)),
        withdrawn ? std::string(kArticleWithdrawnKey) : std::string());
  }
  auto entry = std::make_shared<CachedArticle>();
  entry->article = std::move(article).value();
  entry->path = model::ArticlePath(entry->article.id, entry->article.slug);
  entry->loaded_at = now_unix;
  if (previous != nullptr && previous->article.version == entry->article.version &&
      now_unix - previous->rendered_at < kRerenderSeconds) {
    entry->page = previous->page;  // unchanged text: keep the rendered pages
    entry->rendered_at = previous->rendered_at;
    entry->rendering = previous->rendering;
    std::lock_guard lock(previous->localized_mutex);
    entry->localized = previous->localized;
  } else {
    auto page = render_(entry->article, entry->path, std::string());
    if (!page.ok()) return page.error();
    entry->page = std::move(page).value();
    entry->rendered_at = now_unix;
    entry->rendering = renderings_.fetch_add(1) + 1;
  }
  const model::Counters& stored = entry->article.counters;
  if (previous != nullptr) {
    entry->live = previous->live;
    std::lock_guard lock(entry->live->mutex);
    // A write applied since the read began is at least as new as what was read.
    if (entry->live->updates.load() == updates_before) StoreLive(*entry->live, stored);
  } else {
    entry->live = std::make_shared<LiveCounters>();
    StoreLive(*entry->live, stored);
    // A write applied to no entry while this one was read may be missing from it: load
    // again at the next Get (reusing the page and these live counters).
    if (applied_.load() != applied_before) entry->loaded_at = 0;
  }
  // On every load, not only the first: the stored total grows with other nodes' flushes too,
  // and Prime takes only a larger one.
  views_.Prime(id, stored.views);
  return std::shared_ptr<const CachedArticle>(std::move(entry));
}

Result<std::shared_ptr<const SplicedPage>> ArticleCache::LocalizedPage(const CachedArticle& entry,
                                                                       const std::string& locale) {
  {
    std::lock_guard lock(entry.localized_mutex);
    for (const auto& [code, page] : entry.localized) {
      if (code == locale) return page;
    }
  }
  // Rendered outside the lock; two first readers at once both render, one result is kept.
  auto rendered = render_(entry.article, entry.path, locale);
  if (!rendered.ok()) return rendered.error();
  auto page = std::make_shared<const SplicedPage>(std::move(rendered).value());
  std::lock_guard lock(entry.localized_mutex);
  for (const auto& [code, kept] : entry.localized) {
    if (code == locale) return kept;
  }
  if (entry.localized.size() < kMaxLocalizedPages) entry.localized.emplace_back(locale, page);
  return page;
}

void ArticleCache::Put(std::int64_t id, std::shared_ptr<const CachedArticle> entry,
                       std::uint64_t dropped_before) {
  std::unique_lock lock(mutex_);
  // An entry was dropped while this one loaded: it may have been read before the change that
  // dropped it (an article withdrawn meanwhile), so it serves this request only.
  if (dropped_.load() != dropped_before) return;
  if (entries_.size() >= capacity_ && entries_.find(id) == entries_.end()) {
    // Evict an arbitrary entry: a full cache of distinct articles has no hot set worth an
    // LRU's bookkeeping on every hit, and the evicted one reloads in one query.
    entries_.erase(entries_.begin());
  }
  entries_[id] = std::move(entry);
}

void ArticleCache::Invalidate(std::int64_t id) {
  std::unique_lock lock(mutex_);
  entries_.erase(id);
  dropped_.fetch_add(1);
}

void ArticleCache::Clear() {
  std::unique_lock lock(mutex_);
  entries_.clear();
  dropped_.fetch_add(1);
}

void ArticleCache::ApplyCounters(std::int64_t id, const model::Counters& stored) {
  applied_.fetch_add(1);
  std::shared_ptr<const CachedArticle> entry;
  {
    std::shared_lock lock(mutex_);
    auto it = entries_.find(id);
    if (it != entries_.end()) entry = it->second;
  }
  if (!entry) return;  // the next Get loads it from the store
  std::lock_guard lock(entry->live->mutex);
  StoreLive(*entry->live, stored);
  entry->live->updates.fetch_add(1);
}

std::unique_lock<std::mutex> ArticleCache::CounterLock(std::int64_t id) {
  return std::unique_lock<std::mutex>(
      counter_locks_[static_cast<std::size_t>(id) % counter_locks_.size()]);
}

std::size_t ArticleCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

}  // namespace warta::web
