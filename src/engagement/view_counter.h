// Counts article views exactly and cheaply: a view is counted once per visitor per article
// per window (30 minutes); counted views are kept as in-memory deltas and written to the
// store in one batched transaction every flush interval and on shutdown. A page view does
// no database I/O.
//
// Loss window: on a hard crash (kill -9) at most one flush interval of views is lost;
// a clean stop (Flush() from shutdown) loses nothing.
//
// Thread safety: RecordView / Displayed / Flush may be called from any thread concurrently.
// Dedup state is sharded with one mutex per shard; totals are atomics.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "storage/store.h"

namespace warta::engagement {

struct ViewCounterOptions {
  int window_seconds = 30 * 60;
  std::size_t max_tracked = 2'000'000;  // dedup entries kept; oldest dropped beyond this
};

class ViewCounter {
 public:
  ViewCounter(storage::ArticleStore& articles, ViewCounterOptions options);
  ~ViewCounter();

  // Tells the counter the stored total of an article (from a fresh read of the store), so
  // Displayed() can answer without I/O. Call when an article is loaded into a cache.
  void Prime(std::int64_t article_id, std::int64_t stored_views);

  // Records a view; returns true when it was counted (first in the window for this visitor).
  bool RecordView(std::int64_t article_id, std::uint64_t visitor, std::int64_t now_unix);

  // Stored total plus views not yet flushed. nullopt when the article was never primed.
  std::optional<std::int64_t> Displayed(std::int64_t article_id) const;

  // Writes all pending deltas in one transaction. On failure the deltas are kept and
  // retried at the next flush. Returns the number of views written.
  Result<std::int64_t> Flush();

  std::int64_t pending() const;       // views counted but not yet flushed
  std::uint64_t flushed_total() const;  // views written since start
  std::uint64_t counted_total() const;  // views counted since start
  std::size_t tracked() const;        // dedup entries held

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::engagement
