// One picture at a time per process, a few more waiting their turn, and a clear "busy" for
// the rest. Decoding a 50-megapixel picture takes ~200 MB and a core for a second or two; two
// at once would double both, and a queue without a bound would let uploads pile up on the
// threads that serve pages (handlers are synchronous).
//
// Thread safety: every method may be called from any thread.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "core/result.h"

namespace warta::media {

class ProcessingGate {
 public:
  // max_waiting callers may wait, each at most max_wait, while one is processing.
  ProcessingGate(int max_waiting, std::chrono::milliseconds max_wait);
  ProcessingGate(const ProcessingGate&) = delete;
  ProcessingGate& operator=(const ProcessingGate&) = delete;

  // The right to process one picture, given back when it is destroyed.
  class Turn {
   public:
    explicit Turn(ProcessingGate* gate) : gate_(gate) {}
    Turn(Turn&& other) noexcept : gate_(other.gate_) { other.gate_ = nullptr; }
    Turn& operator=(Turn&&) = delete;
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;
    ~Turn();

   private:
    ProcessingGate* gate_;
  };

  // A turn now, or after waiting. Unavailable "media: busy: …; try again in a few seconds"
  // when max_waiting callers wait already, or the turn did not come within max_wait.
  Result<Turn> Enter();

  int waiting() const;

 private:
  void Leave();

  const int max_waiting_;
  const std::chrono::milliseconds max_wait_;
  mutable std::mutex mutex_;
  std::condition_variable turn_free_;
  bool busy_ = false;
  int waiting_ = 0;
};

}  // namespace warta::media
