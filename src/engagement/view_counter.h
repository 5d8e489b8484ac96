// Counts article views exactly and cheaply: a view is counted once per visitor per article
// per window (30 minutes); counted views are kept as in-memory deltas and written to the
// store in one batched transaction every flush interval and on shutdown. A page view does
// no database I/O.
//
// Loss window: on a hard crash (kill -9) at most one flush interval of views is lost;
// a clean stop (Flush() from shutdown) loses nothing.
//
// Thread safety: every method may be called from any thread concurrently. Dedup state is
// sharded (64 shards, one mutex each); per-article totals are atomics in a sharded map whose
// lock is taken shared on the hot path. Flushes are serialized among themselves.
//
// Memory: at most max(max_tracked, 64) dedup entries (~40 bytes each) plus one small entry per
// article viewed or primed. When the bound is reached the oldest entries are dropped, so under
// extreme load (more distinct visitor-article pairs in one window than max_tracked) a visitor
// may be counted again before the window has passed.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "core/clock.h"
#include "core/day.h"
#include "core/limits.h"
#include "core/result.h"
#include "storage/article_store.h"

namespace warta::engagement {

struct ViewCounterOptions {
  int window_seconds = limits::kViewWindowSeconds;
  std::size_t max_tracked = limits::kDefaultMaxTrackedViews;  // oldest dropped beyond this
};

class ViewCounter {
 public:
  // day_of: the day a flush's views count on in the per-day totals (core/day.h; the site's
  // time zone), from the flush's time; empty: UTC days. Views counted just before midnight
  // and flushed after it count on the new day (at most one flush interval of them).
  ViewCounter(storage::ArticleStore& articles, ViewCounterOptions options, DayOf day_of = {});
  ~ViewCounter();  // does not flush: call Flush() (or PeriodicFlusher::Stop) first
  ViewCounter(const ViewCounter&) = delete;
  ViewCounter& operator=(const ViewCounter&) = delete;

  // Tells the counter the stored total of an article (from a fresh read of the store), so
  // Displayed() can answer without I/O. Call when an article is loaded into a cache. Calling
  // it again with a larger total takes in views written by other nodes; a smaller one is
  // taken as a stale read and ignored.
  void Prime(std::int64_t article_id, std::int64_t stored_views);

  // Records a view; returns true when it was counted (no count for this article and visitor
  // in the last window_seconds). An article never primed still counts (flushed later).
  // No I/O; allocates only when an article is seen for the first time or a table grows.
  bool RecordView(std::int64_t article_id, std::uint64_t visitor, std::int64_t now_unix);
  // Records that visitor has seen the article at now_unix without counting a view: a new
  // cookie's id, whose holder was just counted under their address hash.
  void MarkSeen(std::int64_t article_id, std::uint64_t visitor, std::int64_t now_unix);

  // Stored total plus views not yet flushed. nullopt when the article was never primed.
  std::optional<std::int64_t> Displayed(std::int64_t article_id) const;

  // Writes all pending deltas in one transaction (ArticleStore::AddViews). On failure the
  // deltas are kept and retried at the next flush. Returns the number of views written.
  // Articles that no longer exist are forgotten with their pending views. The stored totals
  // it gets back also take in views that other nodes wrote since the last flush. Blocks on
  // the store: call it from a background thread (PeriodicFlusher) and at shutdown.
  Result<std::int64_t> Flush();

  std::int64_t pending() const;         // views counted but not yet flushed
  std::uint64_t flushed_total() const;  // views written since start
  std::uint64_t counted_total() const;  // views counted since start
  std::size_t tracked() const;          // dedup entries held

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Runs ViewCounter::Flush on a background thread every interval of a Clock, and once more on
// Stop, so a clean shutdown loses no views.
//
//   PeriodicFlusher flusher(counter, std::chrono::milliseconds(1000),
//                           [](const Error& e) { spdlog::warn("{}", e.ToString()); },
//                           SystemClock::Get());
//   ...serve...
//   flusher.Stop();  // after the server has stopped taking requests
//
// Time: a flush is due once `interval` has passed on the clock's monotonic time since the
// last one ended. The thread sleeps in real time until the clock says a flush is due, so
// with a FakeClock that does not move it never flushes by itself: tests Advance the clock
// and call FlushIfDue.
class PeriodicFlusher {
 public:
  using ErrorHandler = std::function<void(const Error&)>;

  // Starts the thread. on_error (may be empty) is called from the flusher thread, or from
  // the thread calling Stop or FlushIfDue, for every failed flush; failed deltas stay
  // pending and are retried at the next interval. The clock must outlive the flusher.
  PeriodicFlusher(ViewCounter& counter, std::chrono::milliseconds interval, ErrorHandler on_error,
                  const Clock& clock);
  ~PeriodicFlusher();  // Stop()
  PeriodicFlusher(const PeriodicFlusher&) = delete;
  PeriodicFlusher& operator=(const PeriodicFlusher&) = delete;

  // Flushes now when a flush is due on the clock; returns whether it flushed. The thread
  // calls it whenever it wakes. Thread-safe: one caller flushes for a due interval.
  bool FlushIfDue();

  // Wakes the thread at once, joins it, then flushes a last time. Idempotent; call it once
  // no more views are being recorded. Thread-safe.
  void Stop();

  std::uint64_t failures() const;  // failed flushes so far

 private:
  void Run();
  void FlushOnce();

  ViewCounter& counter_;
  const std::chrono::milliseconds interval_;
  const ErrorHandler on_error_;
  const Clock& clock_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::chrono::steady_clock::time_point next_due_;  // on clock_, under mutex_
  bool stopping_ = false;
  bool stopped_ = false;
  std::uint64_t failures_ = 0;
  std::thread thread_;  // last: starts after every other member is ready
};

}  // namespace warta::engagement
