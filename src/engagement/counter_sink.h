// Where committed counters go so that what pages show follows at once, without a reload:
// web's article cache implements it, the engagement service (likes, shares) and the comment
// actions feed it.
//
// Thread safety: implementations take calls from any thread. CounterLock(id) is held across
// a write and its ApplyCounters (comments), or across reading the counters back after the
// write and applying them (likes and shares, whose writes to one article commit together),
// so what is applied never goes back to an older state.
#pragma once

#include <cstdint>
#include <mutex>

#include "model/article.h"

namespace warta::engagement {

class CounterSink {
 public:
  virtual ~CounterSink() = default;
  virtual std::unique_lock<std::mutex> CounterLock(std::int64_t article_id) = 0;
  // The stored likes, comments and shares as a committed write left them.
  virtual void ApplyCounters(std::int64_t article_id, const model::Counters& stored) = 0;
};

}  // namespace warta::engagement
