#include "engagement/view_counter.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "engagement/dedup_table.h"

namespace warta::engagement {
namespace {

constexpr std::size_t kDedupShards = 64;   // 2 cores, many request threads: rare contention
constexpr std::size_t kTotalsShards = 16;  // spreads the reader count of the shared locks
constexpr int kDedupShardShift = 58;       // top 6 bits of the key hash pick the dedup shard
static_assert(std::size_t{1} << (64 - kDedupShardShift) == kDedupShards);

// Per article. Invariant (what makes Displayed exact):
//   displayed == last_stored + pending + (deltas taken by a Flush still in progress)
// where last_stored is 0 until the article is primed or flushed once.
struct Totals {
  std::atomic<std::int64_t> displayed{0};
  std::atomic<std::int64_t> pending{0};
  std::atomic<bool> primed{false};
  // Written by Prime (shard lock exclusive) and Flush (shard lock shared, flushes serialized),
  // so the two never race.
  std::int64_t last_stored = 0;
};

struct alignas(64) DedupShard {
  std::mutex mutex;
  DedupTable table;
  // Written under `mutex`, read lock-free for metrics.
  std::atomic<std::uint64_t> counted{0};
  std::atomic<std::size_t> tracked{0};
};

struct alignas(64) TotalsShard {
  // Shared for every lookup and counter update; exclusive only to add or drop an article
  // and for Prime. Entries are never erased except by Flush, so Flush may keep pointers to
  // them across the store call (unordered_map nodes do not move).
  mutable std::shared_mutex mutex;
  std::unordered_map<std::int64_t, Totals> map;
};

std::size_t TotalsShardOf(std::int64_t article_id) {
  return Mix64(static_cast<std::uint64_t>(article_id)) % kTotalsShards;
}

// Applies a fresh stored total `stored` for a primed or unprimed entry (see the invariant).
void ApplyStored(Totals& t, std::int64_t stored, std::int64_t flushed_delta) {
  t.displayed.fetch_add(stored - flushed_delta - t.last_stored, std::memory_order_relaxed);
  t.last_stored = stored;
  t.primed.store(true, std::memory_order_release);
}

}  // namespace

struct ViewCounter::Impl {
  Impl(storage::ArticleStore& store, ViewCounterOptions opts, DayOf days)
      : articles(store), options(opts), day_of(std::move(days)) {
    const std::size_t per_shard = std::max<std::size_t>(options.max_tracked / kDedupShards, 1);
    for (auto& shard : dedup) shard.table = DedupTable(per_shard);
  }

  Totals& FindOrAdd(TotalsShard& shard, std::int64_t id);

  storage::ArticleStore& articles;
  const ViewCounterOptions options;
  const DayOf day_of;
  std::array<DedupShard, kDedupShards> dedup;
  std::array<TotalsShard, kTotalsShards> totals;
  std::mutex flush_mutex;
  std::atomic<std::uint64_t> flushed_total{0};
};

ViewCounter::ViewCounter(storage::ArticleStore& articles, ViewCounterOptions options, DayOf day_of)
    : impl_(std::make_unique<Impl>(articles, options, std::move(day_of))) {}

ViewCounter::~ViewCounter() = default;

void ViewCounter::Prime(std::int64_t article_id, std::int64_t stored_views) {
  TotalsShard& shard = impl_->totals[TotalsShardOf(article_id)];
  std::unique_lock lock(shard.mutex);
  Totals& t = shard.map.try_emplace(article_id).first->second;
  // Stored totals only grow; a smaller one is a read that raced with our own flush.
  if (t.primed.load(std::memory_order_relaxed) && stored_views <= t.last_stored) return;
  ApplyStored(t, stored_views, 0);
}

void ViewCounter::MarkSeen(std::int64_t article_id, std::uint64_t visitor, std::int64_t now_unix) {
  const std::uint64_t hash = HashViewKey(article_id, visitor);
  DedupShard& dedup = impl_->dedup[hash >> kDedupShardShift];
  std::lock_guard lock(dedup.mutex);
  (void)dedup.table.Touch(article_id, visitor, now_unix, impl_->options.window_seconds);
  dedup.tracked.store(dedup.table.size(), std::memory_order_relaxed);
}

bool ViewCounter::RecordView(std::int64_t article_id, std::uint64_t visitor,
                             std::int64_t now_unix) {
  const std::uint64_t hash = HashViewKey(article_id, visitor);
  DedupShard& dedup = impl_->dedup[hash >> kDedupShardShift];
  {
    std::lock_guard lock(dedup.mutex);
    if (!dedup.table.Touch(article_id, visitor, now_unix, impl_->options.window_seconds)) {
      return false;
    }
    dedup.counted.store(dedup.counted.load(std::memory_order_relaxed) + 1,
                        std::memory_order_relaxed);
    dedup.tracked.store(dedup.table.size(), std::memory_order_relaxed);
  }

  TotalsShard& shard = impl_->totals[TotalsShardOf(article_id)];
  {
    std::shared_lock lock(shard.mutex);
    auto it = shard.map.find(article_id);
    if (it != shard.map.end()) {
      // Both under the shared lock, so Prime (exclusive) sees them together.
      it->second.pending.fetch_add(1, std::memory_order_relaxed);
      it->second.displayed.fetch_add(1, std::memory_order_relaxed);
      return true;
    }
  }
  std::unique_lock lock(shard.mutex);
  Totals& t = shard.map.try_emplace(article_id).first->second;
  t.pending.fetch_add(1, std::memory_order_relaxed);
  t.displayed.fetch_add(1, std::memory_order_relaxed);
  return true;
}

std::optional<std::int64_t> ViewCounter::Displayed(std::int64_t article_id) const {
  const TotalsShard& shard = impl_->totals[TotalsShardOf(article_id)];
  std::shared_lock lock(shard.mutex);
  auto it = shard.map.find(article_id);
  if (it == shard.map.end() || !it->second.primed.load(std::memory_order_acquire)) {
    return std::nullopt;
  }
  return it->second.displayed.load(std::memory_order_relaxed);
}

Result<std::int64_t> ViewCounter::Flush() {
  std::lock_guard flush_lock(impl_->flush_mutex);
  struct Taken {
    Totals* totals;
    std::size_t shard;
  };
  std::vector<std::pair<std::int64_t, std::int64_t>> deltas;
  std::vector<Taken> taken;
  for (std::size_t s = 0; s < kTotalsShards; ++s) {
    std::shared_lock lock(impl_->totals[s].mutex);
    for (auto& [id, t] : impl_->totals[s].map) {
      const std::int64_t d = t.pending.exchange(0, std::memory_order_relaxed);
      if (d == 0) continue;
      deltas.emplace_back(id, d);
      taken.push_back(Taken{&t, s});
    }
  }
  if (deltas.empty()) return std::int64_t{0};

  const std::int64_t now = UnixNow();
  const DayOf& day_of = impl_->day_of;
  auto stored = impl_->articles.AddViews(deltas, day_of ? day_of(now) : UtcDay(now));
  if (!stored.ok() || stored->size() != deltas.size()) {
    // A failed AddViews wrote nothing (one transaction): keep every view for the next
    // flush. A wrong-sized answer is a store bug; retrying it beats losing the views.
    for (std::size_t i = 0; i < deltas.size(); ++i) {
      taken[i].totals->pending.fetch_add(deltas[i].second, std::memory_order_relaxed);
    }
    if (!stored.ok()) return stored.error();
    return MakeError(ErrorCode::kInternal, "views: store returned " +
                                               std::to_string(stored->size()) + " totals for " +
                                               std::to_string(deltas.size()) + " articles");
  }

  std::int64_t written = 0;
  std::vector<std::size_t> gone;  // indexes of articles that no longer exist
  for (std::size_t i = 0; i < deltas.size();) {
    const std::size_t s = taken[i].shard;
    std::shared_lock lock(impl_->totals[s].mutex);
    for (; i < deltas.size() && taken[i].shard == s; ++i) {
      const std::int64_t total = (*stored)[i];
      if (total < 0) {
        gone.push_back(i);
        continue;
      }
      ApplyStored(*taken[i].totals, total, deltas[i].second);
      written += deltas[i].second;
    }
  }
  for (std::size_t i : gone) {
    TotalsShard& shard = impl_->totals[taken[i].shard];
    std::unique_lock lock(shard.mutex);
    shard.map.erase(deltas[i].first);  // views since the exchange go too: no article to count
  }
  impl_->flushed_total.fetch_add(static_cast<std::uint64_t>(written), std::memory_order_relaxed);
  return written;
}

std::int64_t ViewCounter::pending() const {
  std::int64_t sum = 0;
  for (const auto& shard : impl_->totals) {
    std::shared_lock lock(shard.mutex);
    for (const auto& [id, t] : shard.map) sum += t.pending.load(std::memory_order_relaxed);
  }
  return sum;
}

std::uint64_t ViewCounter::flushed_total() const {
  return impl_->flushed_total.load(std::memory_order_relaxed);
}

std::uint64_t ViewCounter::counted_total() const {
  std::uint64_t sum = 0;
  for (const auto& shard : impl_->dedup) sum += shard.counted.load(std::memory_order_relaxed);
  return sum;
}

std::size_t ViewCounter::tracked() const {
  std::size_t sum = 0;
  for (const auto& shard : impl_->dedup) sum += shard.tracked.load(std::memory_order_relaxed);
  return sum;
}

}  // namespace warta::engagement
