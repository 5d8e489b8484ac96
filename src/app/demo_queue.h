// A bounded queue between one producer thread and one consumer thread, for
// `warta demo --articles N` (app/cmd_demo_generate.cpp): the producer generates and prepares
// articles on one core while the consumer writes them on the other. Bounded so the producer
// never runs more than `capacity` items ahead (memory stays flat for a million articles).
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace warta::app {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(std::size_t capacity) : capacity_(capacity > 0 ? capacity : 1) {}

  // Blocks while full. False once the consumer stopped (the item is dropped).
  bool Push(T item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [this] { return items_.size() < capacity_ || stopped_; });
    if (stopped_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  // The producer is done: Pop returns the rest, then nullopt.
  void Close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

  // The consumer gives up: Push returns false from now on.
  void Stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    items_.clear();
    not_full_.notify_all();
  }

  // How many items wait (a snapshot).
  std::size_t Size() {
    std::lock_guard lock(mutex_);
    return items_.size();
  }

  // Blocks while empty and open. nullopt when closed and drained.
  std::optional<T> Pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [this] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
  bool stopped_ = false;
};

}  // namespace warta::app
