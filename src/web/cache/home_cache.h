// The home page's article listings, kept for a second or two so a busy home page does not
// query the store per request, while new articles (added by `warta article add` in another
// process, or by ingest) still show up almost at once.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "core/result.h"
#include "model/article.h"
#include "storage/article_store.h"

namespace warta::web {

struct HomeListing {
  std::vector<model::ArticleSummary> articles;
  std::int64_t total = 0;
  std::int64_t loaded_at = 0;
};

class HomeCache {
 public:
  HomeCache(storage::ArticleStore& store, int ttl_seconds, int page_size)
      : store_(store), ttl_seconds_(ttl_seconds), page_size_(page_size) {}

  // Page numbers start at 1.
  Result<std::shared_ptr<const HomeListing>> Page(int page, std::int64_t now_unix);
  int page_size() const { return page_size_; }
  // Drops every listing (an article left or joined the public ones).
  void Clear();

 private:
  storage::ArticleStore& store_;
  int ttl_seconds_;
  int page_size_;
  std::mutex mutex_;
  std::map<int, std::shared_ptr<const HomeListing>> pages_;
  std::uint64_t generation_ = 0;  // Clear() calls; a load started before one is not kept
};

}  // namespace warta::web
