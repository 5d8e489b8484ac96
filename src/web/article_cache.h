// Rendered articles kept in memory so a page view needs no database read and no template
// render. An entry holds the article and its page split at the per-request holes.
// Entries are refreshed from the store after refresh_seconds (picking up edits and
// likes/comments/shares written by other processes or nodes) and evicted beyond capacity.
//
// Thread safety: all methods may be called concurrently. Entries are immutable and shared.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "engagement/view_counter.h"
#include "model/article.h"
#include "storage/store.h"
#include "web/spliced_page.h"

namespace warta::web {

struct CachedArticle {
  model::Article article;  // counters: as stored when loaded (views: see ViewCounter)
  std::string path;        // canonical path
  SplicedPage page;
  std::int64_t loaded_at = 0;
};

class ArticleCache {
 public:
  using Renderer = std::function<Result<SplicedPage>(const model::Article&, const std::string&)>;

  ArticleCache(storage::ArticleStore& store, engagement::ViewCounter& views, Renderer render,
               std::size_t capacity, int refresh_seconds);

  // The cached article, loading (and rendering) it on a miss. NotFound for unknown ids.
  Result<std::shared_ptr<const CachedArticle>> Get(std::int64_t id, std::int64_t now_unix);
  // Drops an entry so the next Get reloads it (after an edit, a like, a comment).
  void Invalidate(std::int64_t id);

  std::size_t size() const;
  std::uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
  std::uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }

 private:
  Result<std::shared_ptr<const CachedArticle>> Load(std::int64_t id, std::int64_t now_unix,
                                                    const CachedArticle* previous);
  void Put(std::int64_t id, std::shared_ptr<const CachedArticle> entry);

  storage::ArticleStore& store_;
  engagement::ViewCounter& views_;
  Renderer render_;
  std::size_t capacity_;
  int refresh_seconds_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::int64_t, std::shared_ptr<const CachedArticle>> entries_;
  std::atomic<std::uint64_t> hits_{0};
  std::atomic<std::uint64_t> misses_{0};
};

}  // namespace warta::web
