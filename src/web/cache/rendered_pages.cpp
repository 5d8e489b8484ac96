#include "web/cache/rendered_pages.h"

namespace warta::web {

Result<std::shared_ptr<const RenderedPage>> RenderedPages::Get(const std::string& key,
                                                               std::int64_t now_unix,
                                                               const Renderer& render) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.page) {
      const bool fresh = now_unix - it->second.page->rendered_at < ttl_seconds_;
      if (fresh || it->second.rendering) return it->second.page;
    }
    if (it == entries_.end() && entries_.size() >= capacity_) entries_.clear();
    entries_[key].rendering = true;
  }
  renders_.fetch_add(1, std::memory_order_relaxed);
  auto rendered = render();
  std::lock_guard lock(mutex_);
  Entry& entry = entries_[key];
  entry.rendering = false;
  if (!rendered.ok()) return rendered.error();
  RenderedPage page = std::move(rendered).value();
  page.rendered_at = now_unix;
  entry.page = std::make_shared<const RenderedPage>(std::move(page));
  return entry.page;
}

void RenderedPages::Clear() {
  std::lock_guard lock(mutex_);
  // Pages being rendered keep their entry (the renderer writes to it); the rest go.
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.rendering) {
      it->second.page.reset();
      ++it;
    } else {
      it = entries_.erase(it);
    }
  }
}

}  // namespace warta::web
