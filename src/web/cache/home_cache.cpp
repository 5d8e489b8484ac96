#include "web/cache/home_cache.h"

namespace warta::web {

Result<std::shared_ptr<const HomeListing>> HomeCache::Page(int page, std::int64_t now_unix) {
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = pages_.find(page);
    if (it != pages_.end() && now_unix - it->second->loaded_at < ttl_seconds_) return it->second;
    generation = generation_;
  }
  auto listing = std::make_shared<HomeListing>();
  auto total = store_.Count();
  if (!total.ok()) return total.error();
  listing->total = total.value();
  auto rows = store_.ListNewest(page_size_, (page - 1) * page_size_);
  if (!rows.ok()) return rows.error();
  listing->articles = std::move(rows).value();
  listing->loaded_at = now_unix;
  std::lock_guard lock(mutex_);
  // Read before a Clear(): right for this caller, stale for the next.
  if (generation != generation_) return std::shared_ptr<const HomeListing>(std::move(listing));
  // Only a handful of pages are ever hot; drop the rest rather than grow without bound.
  if (pages_.size() > 64) pages_.clear();
  pages_[page] = listing;
  return std::shared_ptr<const HomeListing>(std::move(listing));
}

void HomeCache::Clear() {
  std::lock_guard lock(mutex_);
  pages_.clear();
  ++generation_;
}

}  // namespace warta::web
