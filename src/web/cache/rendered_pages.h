// Whole pages rendered once and kept a few seconds, split at their per-request holes
// (spliced_page.h): the front page and the section pages. They list many articles, each with
// a picture and counters, so rendering one costs dozens of reads and a large template; kept,
// a request only fills the reader's CSRF token and the popular list, like the article page.
// What they show is at most ttl_seconds old (new articles, counters on the cards).
//
// On expiry one request renders again while the others keep getting the previous page, so a
// busy front page is never rendered twice at once.
//
// Bounded: at most `capacity` pages (locales × page numbers × sections); beyond that the
// cache is emptied. Thread safety: every method may be called from any thread concurrently.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "web/cache/spliced_page.h"

namespace warta::web {

struct RenderedPage {
  int status = 200;  // what the page answers: 404 for a page number past the last
  // Whether a page with another status than 200 is served as rendered (a tag page past its
  // last page shows the tag); otherwise such a status gets the site's error page.
  bool own_body = false;
  SplicedPage page;
  std::int64_t rendered_at = 0;
};

class RenderedPages {
 public:
  using Renderer = std::function<Result<RenderedPage>()>;

  RenderedPages(int ttl_seconds, std::size_t capacity)
      : ttl_seconds_(ttl_seconds), capacity_(capacity) {}

  // The page kept under `key`, rendered by `render` when absent or older than ttl_seconds
  // (unless another request is rendering it: then the older page). Errors: render's.
  Result<std::shared_ptr<const RenderedPage>> Get(const std::string& key, std::int64_t now_unix,
                                                  const Renderer& render);
  // Forgets every page (after an edit that must show at once).
  void Clear();

  std::uint64_t renders() const { return renders_.load(std::memory_order_relaxed); }

 private:
  struct Entry {
    std::shared_ptr<const RenderedPage> page;
    bool rendering = false;
  };

  const int ttl_seconds_;
  const std::size_t capacity_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::atomic<std::uint64_t> renders_{0};
};

}  // namespace warta::web
