// A small pool of threads with a bounded queue for the few routes whose handler blocks on
// purpose: password hashing (argon2id, ~64 MiB and ~0.1 s each), and durable writes (likes,
// shares) that wait for the sync to disk their group shares (storage/sqlite/group_commit.h).
// The I/O threads hand such a request over and go on serving other connections, so a login
// storm cannot stall pages (issue 16, finding 1), and many likes in flight at once can be
// synced together. When the queue is full, Submit refuses at once and the caller answers 503
// with Retry-After: a flood costs nothing but the refusal.
//
// Memory: at most `threads` handlers run at once, so hashing holds at most threads × the
// hash's memory (2 × 64 MiB at the defaults); queued requests hold only their bytes.
//
// Thread safety: Submit may be called from any thread. Stop runs what is queued, then joins;
// Submit after Stop refuses.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

namespace warta::http::server {

// Whether a lane's path pattern (ServerOptions' LaneOptions::paths) covers `path`: the same
// path; a pattern ending in '/' covers every path under it; '*' covers one whole segment
// (non-empty, no '/').
bool LanePathMatches(std::string_view pattern, std::string_view path);

class Lane {
 public:
  // threads and max_queued at least 1. The threads run at a lower CPU priority than the
  // I/O threads (nice +5), so on a busy machine pages are served first.
  Lane(int threads, std::size_t max_queued);
  ~Lane();  // Stop()
  Lane(const Lane&) = delete;
  Lane& operator=(const Lane&) = delete;

  // Queues task; false (and task untouched) when max_queued tasks are already waiting or
  // the lane has stopped. A task must not throw.
  bool Submit(std::function<void()>& task);
  void Stop();

  std::size_t queued() const;

 private:
  void Run();

  const std::size_t max_queued_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> queue_;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace warta::http::server
