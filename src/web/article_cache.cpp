#include "web/article_cache.h"

#include <mutex>

namespace warta::web {

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
  auto loaded = Load(id, now_unix, entry.get());
  if (!loaded.ok()) {
    // A store hiccup while refreshing should not take a cached page down.
    if (entry && loaded.error().code != ErrorCode::kNotFound) return entry;
    if (loaded.error().code == ErrorCode::kNotFound) Invalidate(id);
    return loaded.error();
  }
  Put(id, loaded.value());
  return loaded;
}

Result<std::shared_ptr<const CachedArticle>> ArticleCache::Load(std::int64_t id,
                                                                std::int64_t now_unix,
                                                                const CachedArticle* previous) {
  auto article = store_.FindById(id);
  if (!article.ok()) return article.error();
  auto entry = std::make_shared<CachedArticle>();
  entry->article = std::move(article).value();
  entry->path = model::ArticlePath(entry->article.id, entry->article.slug);
  entry->loaded_at = now_unix;
  if (previous != nullptr && previous->article.version == entry->article.version) {
    entry->page = previous->page;  // unchanged text: keep the rendered page
  } else {
    auto page = render_(entry->article, entry->path);
    if (!page.ok()) return page.error();
    entry->page = std::move(page).value();
  }
  if (previous == nullptr) views_.Prime(id, entry->article.counters.views);
  return std::shared_ptr<const CachedArticle>(std::move(entry));
}

void ArticleCache::Put(std::int64_t id, std::shared_ptr<const CachedArticle> entry) {
  std::unique_lock lock(mutex_);
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
}

std::size_t ArticleCache::size() const {
  std::shared_lock lock(mutex_);
  return entries_.size();
}

}  // namespace warta::web
