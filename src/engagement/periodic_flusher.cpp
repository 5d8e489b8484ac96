#include <algorithm>
#include <utility>

#include "engagement/view_counter.h"

namespace warta::engagement {

PeriodicFlusher::PeriodicFlusher(ViewCounter& counter, std::chrono::milliseconds interval,
                                 ErrorHandler on_error, const Clock& clock)
    : counter_(counter),
      interval_(interval),
      on_error_(std::move(on_error)),
      clock_(clock),
      next_due_(clock.NowSteady() + interval),
      thread_([this] { Run(); }) {}

PeriodicFlusher::~PeriodicFlusher() { Stop(); }

void PeriodicFlusher::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    // Real time until the clock's due time: the clock may be a FakeClock that moves by itself
    // only when a test says so, and then FlushIfDue's other callers flush.
    const auto until_due = next_due_ - clock_.NowSteady();
    if (wake_.wait_for(lock, until_due, [this] { return stopping_; })) break;
    lock.unlock();
    FlushIfDue();
    lock.lock();
  }
}

bool PeriodicFlusher::FlushIfDue() {
  {
    std::lock_guard lock(mutex_);
    const auto now = clock_.NowSteady();
    if (now < next_due_) return false;
    next_due_ = now + interval_;  // claimed: a concurrent caller does not flush it again
  }
  FlushOnce();
  std::lock_guard lock(mutex_);
  // A full interval between flushes, however long this one took.
  next_due_ = std::max(next_due_, clock_.NowSteady() + interval_);
  return true;
}

void PeriodicFlusher::FlushOnce() {
  auto result = counter_.Flush();
  if (result.ok()) return;
  {
    std::lock_guard lock(mutex_);
    ++failures_;
  }
  if (on_error_) on_error_(result.error());
}

void PeriodicFlusher::Stop() {
  std::unique_lock lock(mutex_);
  if (stopping_) {
    // Another caller is stopping (or has stopped): wait until its final flush is done.
    wake_.wait(lock, [this] { return stopped_; });
    return;
  }
  stopping_ = true;
  lock.unlock();
  wake_.notify_all();
  thread_.join();
  FlushOnce();
  lock.lock();
  stopped_ = true;
  lock.unlock();
  wake_.notify_all();
}

std::uint64_t PeriodicFlusher::failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

}  // namespace warta::engagement
