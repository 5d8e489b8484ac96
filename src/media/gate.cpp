#include "media/gate.h"

#include <string>

namespace warta::media {

ProcessingGate::ProcessingGate(int max_waiting, std::chrono::milliseconds max_wait)
    : max_waiting_(max_waiting), max_wait_(max_wait) {}

ProcessingGate::Turn::~Turn() {
  if (gate_ != nullptr) gate_->Leave();
}

Result<ProcessingGate::Turn> ProcessingGate::Enter() {
  std::unique_lock lock(mutex_);
  if (!busy_) {
    busy_ = true;
    return Turn(this);
  }
  if (waiting_ >= max_waiting_) {
    return Error::Unavailable("media: busy: a picture is being processed and " +
                              std::to_string(waiting_) +
                              " more are waiting; try again in a few seconds");
  }
  ++waiting_;
  const bool free = turn_free_.wait_for(lock, max_wait_, [this] { return !busy_; });
  --waiting_;
  if (!free) {
    return Error::Unavailable("media: busy: no turn to process the picture within " +
                              std::to_string(max_wait_.count() / 1000) +
                              " s; try again in a few seconds");
  }
  busy_ = true;
  return Turn(this);
}

int ProcessingGate::waiting() const {
  std::lock_guard lock(mutex_);
  return waiting_;
}

void ProcessingGate::Leave() {
  {
    std::lock_guard lock(mutex_);
    busy_ = false;
  }
  turn_free_.notify_one();
}

}  // namespace warta::media
