#include "http/server/lane.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

namespace warta::http::server {

bool LanePathMatches(std::string_view pattern, std::string_view path) {
  while (!pattern.empty()) {
    if (pattern == "/") return !path.empty() && path.front() == '/';  // a prefix's end
    if (pattern.front() == '*') {
      const std::size_t segment = path.find('/');
      if (segment == 0 || path.empty()) return false;
      pattern.remove_prefix(1);
      path.remove_prefix(segment == std::string_view::npos ? path.size() : segment);
      continue;
    }
    if (path.empty() || path.front() != pattern.front()) return false;
    pattern.remove_prefix(1);
    path.remove_prefix(1);
  }
  return path.empty();
}

Lane::Lane(int threads, std::size_t max_queued)
    : max_queued_(std::max<std::size_t>(max_queued, 1)) {
  for (int i = 0; i < std::max(threads, 1); ++i) threads_.emplace_back([this] { Run(); });
}

Lane::~Lane() { Stop(); }

bool Lane::Submit(std::function<void()>& task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(task));
  }
  wake_.notify_one();
  return true;
}

void Lane::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && threads_.empty()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  for (auto& t : threads_) {
    if (t.joinable()) t.join();
  }
  threads_.clear();
}

std::size_t Lane::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

void Lane::Run() {
  // Linux nices threads one by one (a thread id is a process id to setpriority). Failing is
  // harmless: the lane is still bounded, only not yielding.
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 5);
  while (true) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      // Stopping still runs what was queued: each task answers a client waiting for it.
      if (queue_.empty()) return;
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    task();
  }
}

}  // namespace warta::http::server
