// Per-address budgets at the HTTP edge (docs/security.md): a token bucket of requests per
// client address, and a count of open connections per peer address. Both are shared by all
// I/O threads, so they are sharded (one mutex per shard, picked by the address's hash) and
// bounded (a full table forgets idle addresses first).
//
// Addresses are keyed by AddressKey: IPv4 whole, IPv6 by its /64, because one IPv6 host is
// routinely given a whole /64 and could otherwise rotate through it for fresh budgets.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "http/server/proxy.h"

namespace warta::http::server {

// IPv4 (as ::ffff:a.b.c.d) unchanged, other IPv6 addresses with their last 64 bits zeroed.
IpBytes AddressKey(const IpBytes& ip);

struct IpBytesHash {
  std::size_t operator()(const IpBytes& ip) const;
};

// A token bucket per address: `per_minute` tokens refill evenly over a minute, and a full
// bucket holds a minute's worth, so a client may burst one minute's budget and then gets
// the steady rate. Thread-safe.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  struct Decision {
    bool allowed = true;
    int retry_after_seconds = 0;  // when refused: whole seconds until one token is back
  };

  // max_addresses bounds the memory (about 64 bytes an address); 0 per_minute: no limit.
  RateLimiter(int per_minute, std::size_t max_addresses);
  ~RateLimiter();
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  Decision Take(const IpBytes& ip, Clock::time_point now);
  std::size_t size() const;  // addresses tracked (for tests and the gauge)

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point last{};
  };
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<IpBytes, Bucket, IpBytesHash> buckets;
  };
  void MakeRoom(Shard& shard, Clock::time_point now);

  double capacity_;
  double per_second_;
  std::size_t max_per_shard_;
  std::unique_ptr<std::array<Shard, 64>> shards_;
};

// Open connections per peer address, with a cap. Thread-safe. Entries go when their count
// returns to zero, so the table holds at most one entry per open connection.
class ConnectionCounter {
 public:
  ConnectionCounter();
  ~ConnectionCounter();
  ConnectionCounter(const ConnectionCounter&) = delete;
  ConnectionCounter& operator=(const ConnectionCounter&) = delete;

  // Counts one more connection from ip unless it already has `cap` (false then).
  bool Acquire(const IpBytes& ip, int cap);
  void Release(const IpBytes& ip);
  int Count(const IpBytes& ip) const;

 private:
  struct Shard {
    mutable std::mutex mu;
    std::unordered_map<IpBytes, int, IpBytesHash> counts;
  };
  std::unique_ptr<std::array<Shard, 64>> shards_;
};

}  // namespace warta::http::server
