#include "auth/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace warta::auth {

RateLimiter::RateLimiter(const Clock& clock, double per_minute, double burst, bool enabled,
                         std::size_t max_keys)
    : clock_(clock),
      per_second_(per_minute / 60.0),
      burst_(std::max(burst, 1.0)),
      enabled_(enabled && per_minute > 0),
      max_per_shard_(std::max<std::size_t>(max_keys / kShards, 1)) {}

RateLimiter::Shard& RateLimiter::ShardFor(std::string_view key) const {
  return shards_[std::hash<std::string_view>{}(key) % kShards];
}

double RateLimiter::Refilled(const Bucket& bucket, TimePoint now) const {
  const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
  return std::min(burst_, bucket.tokens + std::max(elapsed, 0.0) * per_second_);
}

RateDecision RateLimiter::Decide(double tokens, double cost) const {
  if (tokens >= cost) return {true, 0};
  const double wait = (cost - tokens) / per_second_;
  return {false, std::max(1, static_cast<int>(std::ceil(wait)))};
}

void RateLimiter::MakeRoom(Shard& shard, TimePoint now) {
  if (shard.buckets.size() < max_per_shard_) return;
  for (auto it = shard.buckets.begin(); it != shard.buckets.end();) {
    it = Refilled(it->second, now) >= burst_ ? shard.buckets.erase(it) : std::next(it);
  }
  while (shard.buckets.size() >= max_per_shard_) shard.buckets.erase(shard.buckets.begin());
}

RateDecision RateLimiter::Take(std::string_view key, double cost) {
  if (!enabled_) return {};
  const TimePoint now = clock_.NowSteady();
  Shard& shard = ShardFor(key);
  std::lock_guard lock(shard.mutex);
  auto it = shard.buckets.find(key);
  if (it == shard.buckets.end()) {
    MakeRoom(shard, now);
    it = shard.buckets.emplace(std::string(key), Bucket{burst_, now}).first;
  }
  Bucket& bucket = it->second;
  bucket.tokens = Refilled(bucket, now);
  bucket.updated = now;
  RateDecision decision = Decide(bucket.tokens, cost);
  if (decision.allowed) bucket.tokens -= cost;
  return decision;
}

RateDecision RateLimiter::Check(std::string_view key, double cost) const {
  if (!enabled_) return {};
  const TimePoint now = clock_.NowSteady();
  const Shard& shard = ShardFor(key);
  std::lock_guard lock(shard.mutex);
  auto it = shard.buckets.find(key);
  if (it == shard.buckets.end()) return Decide(burst_, cost);
  return Decide(Refilled(it->second, now), cost);
}

void RateLimiter::Reset(std::string_view key) {
  Shard& shard = ShardFor(key);
  std::lock_guard lock(shard.mutex);
  auto it = shard.buckets.find(key);
  if (it != shard.buckets.end()) shard.buckets.erase(it);
}

std::size_t RateLimiter::size() const {
  std::size_t total = 0;
  for (const Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    total += shard.buckets.size();
  }
  return total;
}

}  // namespace warta::auth
