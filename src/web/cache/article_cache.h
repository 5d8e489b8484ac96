// Rendered articles kept in memory so a page view needs no database read and no template
// render. An entry holds the article and its page split at the per-request holes.
// Entries are refreshed from the store after refresh_seconds (picking up edits and
// likes/comments/shares written by other processes or nodes) and evicted beyond capacity.
// Pages are kept per (article version, locale): the default locale's is rendered on load,
// another locale's on its first request (LocalizedPage), at most kMaxLocalizedPages each.
//
// Thread safety: all methods may be called concurrently. Entries are immutable and shared.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/result.h"
#include "engagement/counter_sink.h"
#include "engagement/view_counter.h"
#include "model/article.h"
#include "storage/article_store.h"
#include "web/cache/spliced_page.h"

namespace warta::web {

// Likes, comments and shares of a cached article, kept current by the writers
// (ArticleCache::ApplyCounters) so pages and the API show exact totals at once, without
// reloading or re-rendering the article. Shared by the successive entries of one article.
struct LiveCounters {
  std::atomic<std::int64_t> likes{0};
  std::atomic<std::int64_t> comments{0};
  std::atomic<std::int64_t> shares{0};
  std::atomic<std::uint64_t> updates{0};  // ApplyCounters calls so far
  std::mutex mutex;                       // orders ApplyCounters against a refresh's merge
};

struct CachedArticle {
  model::Article article;  // counters: as stored when loaded (use counters() instead)
  std::string path;        // canonical path
  SplicedPage page;        // in the site's default locale

  // Pages in other locales, rendered when first asked for; kept for the next version-equal
  // entry like `page`. The mutex is taken only for those locales.
  mutable std::mutex localized_mutex;
  mutable std::vector<std::pair<std::string, std::shared_ptr<const SplicedPage>>> localized;
  std::int64_t loaded_at = 0;
  std::int64_t rendered_at = 0;  // the page is rendered again after kRerenderSeconds
  // Unique to each rendering of `page` (kept with it, like rendered_at): what else is made
  // from the same comments (the thread pages) is kept under it, so it changes exactly when
  // the article page does, on a comment change as on an edit.
  std::uint64_t rendering = 0;
  std::shared_ptr<LiveCounters> live;

  // Stored views as loaded (the ViewCounter adds the rest), live likes, comments, shares.
  model::Counters counters() const;
};

// An unchanged article's page is still rendered again this often, so what it lists besides
// the article itself (related articles) follows newer articles.
inline constexpr std::int64_t kRerenderSeconds = 600;

// The user_key of the NotFound for a withdrawn article: also the catalog key of the 410
// page's message.
inline constexpr std::string_view kArticleWithdrawnKey = "error_gone_message";
inline bool IsWithdrawn(const Error& error) {
  return error.code == ErrorCode::kNotFound && error.user_key == kArticleWithdrawnKey;
}

class ArticleCache final : public engagement::CounterSink {
 public:
  // Renders an article's page at its path in a locale ("" for the site's default).
  using Renderer = std::function<Result<SplicedPage>(const model::Article&, const std::string&,
                                                     const std::string& locale)>;
  static constexpr std::size_t kMaxLocalizedPages = 8;

  ArticleCache(storage::ArticleStore& store, engagement::ViewCounter& views, Renderer render,
               std::size_t capacity, int refresh_seconds);

  // The cached article, loading (and rendering) it on a miss. NotFound for unknown ids and
  // for articles that are not public (model::IsPublic); for a withdrawn one (unpublished)
  // its user_key is kArticleWithdrawnKey (IsWithdrawn), so pages answer 410 instead of 404.
  Result<std::shared_ptr<const CachedArticle>> Get(std::int64_t id, std::int64_t now_unix);
  // The entry's page in `locale` (not the default: that is entry.page), rendered on first
  // use. Kept with the entry unless kMaxLocalizedPages are kept already.
  Result<std::shared_ptr<const SplicedPage>> LocalizedPage(const CachedArticle& entry,
                                                           const std::string& locale);
  // Drops an entry so the next Get reloads it (after an edit).
  void Invalidate(std::int64_t id);
  // Drops every entry (the site's settings changed: every page renders again).
  void Clear();
  // Takes in the stored likes, comments and shares that a committed write returned. For one
  // article, calls must come in commit order: hold CounterLock(id) across the write and
  // this call. A refresh running meanwhile keeps these values rather than what it read.
  void ApplyCounters(std::int64_t id, const model::Counters& stored) override;
  std::unique_lock<std::mutex> CounterLock(std::int64_t id) override;

  std::size_t size() const;
  std::uint64_t hits() const { return hits_.load(std::memory_order_relaxed); }
  std::uint64_t misses() const { return misses_.load(std::memory_order_relaxed); }

 private:
  Result<std::shared_ptr<const CachedArticle>> Load(std::int64_t id, std::int64_t now_unix,
                                                    const CachedArticle* previous);
  void Put(std::int64_t id, std::shared_ptr<const CachedArticle> entry,
           std::uint64_t dropped_before);

  storage::ArticleStore& store_;
  engagement::ViewCounter& views_;
  Renderer render_;
  std::size_t capacity_;
  int refresh_seconds_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::int64_t, std::shared_ptr<const CachedArticle>> entries_;
  std::atomic<std::uint64_t> hits_{0};
  std::atomic<std::uint64_t> misses_{0};
  std::atomic<std::uint64_t> renderings_{0};  // CachedArticle::rendering of the last one
  std::atomic<std::uint64_t> applied_{0};     // ApplyCounters calls, for loads racing them
  std::atomic<std::uint64_t> dropped_{0};     // Invalidate/Clear calls, for loads racing them
  std::array<std::mutex, 64> counter_locks_;
};

}  // namespace warta::web
