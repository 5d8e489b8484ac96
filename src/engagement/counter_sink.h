// Where committed counters go so that what pages show follows at once, without a reload:
// web's article cache implements it, the engagement service (likes, shares) and the comment
// actions feed it.
//
// Thread safety: implementations take calls from any thread. CounterLock(id) is held across
// a write and its ApplyCounters, so one article's changes arrive in commit order.
#pragma once

#include <cstdint>
#include <mutex>

#include "model/article.h"

namespace warta::engagement {

class CounterSink {
 public:
  virtual ~CounterSink() = default;
  virtual std::unique_lock<std::mutex> CounterLock(std::int64_t article_id) = 0;
  // The stored likes, comments and shares that a committed write returned.
  virtual void ApplyCounters(std::int64_t article_id, const model::Counters& stored) = 0;
};

}  // namespace warta::engagement
