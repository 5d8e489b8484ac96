// Scheduled publishing that never misses (docs/decisions/0009-newsroom.md, "Scheduling never
// misses"): a thread in `warta serve` that publishes scheduled articles when their publish_at
// comes and withdraws published ones when their unpublish_at comes. No traffic and no
// request to itself is needed: it sleeps until the earliest due time (at most max_sleep, and
// woken early by Wake() after a schedule change), then changes every due article with one
// conditional update each, so of several nodes exactly one changes each article. After a
// restart its first pass catches up on everything that fell due meanwhile: published with
// their publish_at as the public date, and logged at warn as late (over late_seconds).
// Every change is audited as the system and reported to the hook (the web drops caches).
//
// Thread safety: RunOnce, Wake and the counters may be called from any thread; Start and
// Stop from the owning thread. The hook runs on the publisher's thread (or RunOnce's caller).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>

#include "core/clock.h"
#include "core/result.h"
#include "storage/editorial_store.h"

namespace warta::newsroom {

struct PublisherOptions {
  std::chrono::milliseconds max_sleep{1000};  // a schedule change on another node waits this
  std::int64_t late_seconds = 5;              // later than this is logged at warn
  int batch = 1000;                           // due articles read per query
  // Several nodes: whether this node runs the publisher now (it holds the cluster's
  // publisher lock; app/cluster.h). A node that does not asks again every max_sleep, so a
  // dead holder's work moves to another within about a second. Empty: always.
  std::function<bool()> may_run = {};
};

struct PublisherPass {
  int published = 0;  // by this call (another node may have done others)
  int unpublished = 0;
  int late = 0;                // of those, changed more than late_seconds after due
  std::int64_t max_delay = 0;  // seconds
};

class Publisher {
 public:
  // on_change (may be empty) gets the id of every article this publisher changed.
  Publisher(storage::EditorialStore& store, const Clock& clock, PublisherOptions options,
            std::function<void(std::int64_t)> on_change);
  ~Publisher();  // Stop()
  Publisher(const Publisher&) = delete;
  Publisher& operator=(const Publisher&) = delete;

  void Start();
  // Wakes the thread and joins it. Idempotent.
  void Stop();
  // Re-reads the next due time now (call after scheduling an article).
  void Wake();

  // One pass at the clock's now: changes everything due, in order of due time.
  Result<PublisherPass> RunOnce();
  // How long the thread sleeps after a pass at `now`, given the next due time.
  std::chrono::milliseconds SleepFor(std::int64_t now, std::optional<std::int64_t> next_due) const;

  std::uint64_t published_total() const { return published_total_.load(); }
  std::uint64_t unpublished_total() const { return unpublished_total_.load(); }
  std::uint64_t late_total() const { return late_total_.load(); }

 private:
  void Run();

  storage::EditorialStore& store_;
  const Clock& clock_;
  const PublisherOptions options_;
  const std::function<void(std::int64_t)> on_change_;
  std::atomic<std::uint64_t> published_total_{0};
  std::atomic<std::uint64_t> unpublished_total_{0};
  std::atomic<std::uint64_t> late_total_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool woken_ = false;
  std::thread thread_;
};

}  // namespace warta::newsroom
