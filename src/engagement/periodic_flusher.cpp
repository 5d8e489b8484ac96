#include <utility>

#include "engagement/view_counter.h"

namespace warta::engagement {

PeriodicFlusher::PeriodicFlusher(ViewCounter& counter, std::chrono::milliseconds interval,
                                 ErrorHandler on_error)
    : counter_(counter),
      interval_(interval),
      on_error_(std::move(on_error)),
      thread_([this] { Run(); }) {}

PeriodicFlusher::~PeriodicFlusher() { Stop(); }

void PeriodicFlusher::Run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) break;
    lock.unlock();
    FlushOnce();
    lock.lock();
  }
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
