#include "web/cache/error_page_cache.h"

#include <utility>

namespace warta::web {

std::shared_ptr<const std::string> ErrorPageCache::Get(int status,
                                                       std::shared_ptr<const void> sections,
                                                       int year,
                                                       const std::function<std::string()>& render) {
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(status);
    if (it != entries_.end() && it->second.sections == sections && it->second.year == year) {
      return it->second.html;
    }
  }
  // Rendered outside the lock: two requests may both render a page the first time, and the
  // last one kept wins; both are the same page.
  auto html = std::make_shared<const std::string>(render());
  std::lock_guard lock(mutex_);
  entries_[status] = Entry{html, std::move(sections), year};
  return html;
}

}  // namespace warta::web
