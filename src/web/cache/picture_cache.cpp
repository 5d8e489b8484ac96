#include "web/cache/picture_cache.h"

namespace warta::web {

std::shared_ptr<const model::Media> PictureCache::Find(std::int64_t id) {
  if (id <= 0) return nullptr;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(id);
    if (it != entries_.end()) return it->second;
  }
  // Read outside the lock: two first readers both query, one result is kept.
  auto found = store_.FindById(id);
  if (!found.ok()) return nullptr;  // unknown (NotFound) or a failing store: no picture
  auto media = std::make_shared<const model::Media>(std::move(found).value());
  std::lock_guard lock(mutex_);
  if (entries_.size() >= capacity_) entries_.clear();
  entries_.emplace(id, media);
  return media;
}

void PictureCache::Invalidate(std::int64_t id) {
  std::lock_guard lock(mutex_);
  entries_.erase(id);
}

std::size_t PictureCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace warta::web
