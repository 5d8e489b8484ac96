#include "http/server/address_limits.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace warta::http::server {
namespace {

constexpr std::size_t kShards = 64;

bool IsV4Mapped(const IpBytes& ip) {
  static constexpr std::uint8_t kPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return std::memcmp(ip.data(), kPrefix, sizeof kPrefix) == 0;
}

template <typename Shards>
auto& ShardFor(Shards& shards, const IpBytes& key) {
  return shards[IpBytesHash{}(key) % kShards];
}

}  // namespace

IpBytes AddressKey(const IpBytes& ip) {
  if (IsV4Mapped(ip)) return ip;
  IpBytes key = ip;
  std::fill(key.begin() + 8, key.end(), std::uint8_t{0});
  return key;
}

std::size_t IpBytesHash::operator()(const IpBytes& ip) const {
  // FNV-1a: addresses are not chosen to collide here, an attacker gains nothing but a
  // slightly longer scan of one shard.
  std::uint64_t h = 1469598103934665603ULL;
  for (std::uint8_t b : ip) h = (h ^ b) * 1099511628211ULL;
  return static_cast<std::size_t>(h ^ (h >> 32));
}

// ---- RateLimiter ----

RateLimiter::RateLimiter(int per_minute, std::size_t max_addresses)
    : capacity_(std::max(per_minute, 0)),
      per_second_(std::max(per_minute, 0) / 60.0),
      max_per_shard_(std::max<std::size_t>(1, max_addresses / kShards)),
      shards_(std::make_unique<std::array<Shard, kShards>>()) {}

RateLimiter::~RateLimiter() = default;

RateLimiter::Decision RateLimiter::Take(const IpBytes& ip, Clock::time_point now) {
  if (capacity_ <= 0) return {};
  const IpBytes key = AddressKey(ip);
  Shard& shard = ShardFor(*shards_, key);
  std::lock_guard lock(shard.mu);
  auto it = shard.buckets.find(key);
  if (it == shard.buckets.end()) {
    if (shard.buckets.size() >= max_per_shard_) MakeRoom(shard, now);
    it = shard.buckets.emplace(key, Bucket{capacity_, now}).first;
  }
  Bucket& b = it->second;
  const double elapsed = std::chrono::duration<double>(now - b.last).count();
  if (elapsed > 0) b.tokens = std::min(capacity_, b.tokens + elapsed * per_second_);
  b.last = std::max(b.last, now);
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return {};
  }
  const double wait = (1 - b.tokens) / per_second_;
  // The epsilon keeps float noise from turning an exact 10 s into 11.
  return {false, std::max(1, static_cast<int>(std::ceil(wait - 1e-6)))};
}

void RateLimiter::MakeRoom(Shard& shard, Clock::time_point now) {
  // A bucket that has refilled is the same as no bucket: forgetting it changes nothing.
  std::erase_if(shard.buckets, [&](const auto& entry) {
    const double elapsed = std::chrono::duration<double>(now - entry.second.last).count();
    return entry.second.tokens + elapsed * per_second_ >= capacity_;
  });
  if (shard.buckets.size() < max_per_shard_) return;
  // Still full: more busy addresses than the table holds. The longest unseen one starts
  // over with a full budget; documented as the limit's limit in docs/security.md.
  auto oldest =
      std::min_element(shard.buckets.begin(), shard.buckets.end(),
                       [](const auto& a, const auto& b) { return a.second.last < b.second.last; });
  shard.buckets.erase(oldest);
}

std::size_t RateLimiter::size() const {
  std::size_t n = 0;
  for (const Shard& shard : *shards_) {
    std::lock_guard lock(shard.mu);
    n += shard.buckets.size();
  }
  return n;
}

// ---- ConnectionCounter ----

ConnectionCounter::ConnectionCounter() : shards_(std::make_unique<std::array<Shard, kShards>>()) {}
ConnectionCounter::~ConnectionCounter() = default;

bool ConnectionCounter::Acquire(const IpBytes& ip, int cap) {
  const IpBytes key = AddressKey(ip);
  Shard& shard = ShardFor(*shards_, key);
  std::lock_guard lock(shard.mu);
  int& count = shard.counts[key];
  if (count >= cap) {
    if (count == 0) shard.counts.erase(key);
    return false;
  }
  ++count;
  return true;
}

void ConnectionCounter::Release(const IpBytes& ip) {
  const IpBytes key = AddressKey(ip);
  Shard& shard = ShardFor(*shards_, key);
  std::lock_guard lock(shard.mu);
  auto it = shard.counts.find(key);
  if (it == shard.counts.end()) return;
  if (--it->second <= 0) shard.counts.erase(it);
}

int ConnectionCounter::Count(const IpBytes& ip) const {
  const IpBytes key = AddressKey(ip);
  const Shard& shard = ShardFor(*shards_, key);
  std::lock_guard lock(shard.mu);
  auto it = shard.counts.find(key);
  return it == shard.counts.end() ? 0 : it->second;
}

}  // namespace warta::http::server
