// In-memory token buckets keyed by a string (a client address, an account): `rate` tokens a
// minute, at most `burst` saved up. Addresses are held in memory only, never stored.
//
// Memory: at most max_keys buckets. Buckets that have refilled completely are the same as
// absent ones and are dropped first; if the table is still full, arbitrary buckets are
// dropped, which under a flood of distinct keys makes the limiter more lenient, never
// stricter.
//
// Time: the Clock's monotonic time (NowSteady); tests move a FakeClock to refill buckets.
//
// Thread safety: every method may be called from any thread (16 shards, one mutex each).
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/clock.h"

namespace warta::auth {

struct RateDecision {
  bool allowed = true;
  int retry_after_seconds = 0;  // when refused: seconds until one token is back
};

class RateLimiter {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;

  // per_minute 0 (or enabled false) disables the limiter: everything is allowed. The clock
  // must outlive the limiter.
  RateLimiter(const Clock& clock, double per_minute, double burst, bool enabled = true,
              std::size_t max_keys = 100'000);
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // Takes `cost` tokens from key's bucket when it has them.
  RateDecision Take(std::string_view key, double cost = 1.0);
  // Whether key's bucket has `cost` tokens, without taking them.
  RateDecision Check(std::string_view key, double cost = 1.0) const;
  // Forgets key's bucket (full again), e.g. after a successful login.
  void Reset(std::string_view key);

  bool enabled() const { return enabled_; }
  std::size_t size() const;

 private:
  struct Bucket {
    double tokens = 0;
    TimePoint updated;
  };
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Map = std::unordered_map<std::string, Bucket, StringHash, std::equal_to<>>;
  struct Shard {
    mutable std::mutex mutex;
    Map buckets;
  };
  static constexpr std::size_t kShards = 16;

  Shard& ShardFor(std::string_view key) const;
  double Refilled(const Bucket& bucket, TimePoint now) const;
  RateDecision Decide(double tokens, double cost) const;
  void MakeRoom(Shard& shard, TimePoint now);

  const Clock& clock_;
  const double per_second_;
  const double burst_;
  const bool enabled_;
  const std::size_t max_per_shard_;
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace warta::auth
