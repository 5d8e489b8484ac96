// One shard of the view dedup state: which (article, visitor) pairs were counted within the
// last window, and when. Internal to engagement; not thread-safe (ViewCounter guards each
// shard with its own mutex).
//
// Why not std::unordered_map + std::deque: a view by a new visitor must not allocate, and
// millions of tracked pairs should stay near 40 bytes each. Records live in a ring buffer in
// the order they were counted, which is also (up to clock jitter between threads) expiry
// order; an open-addressing table (linear probing, backward-shift deletion) maps each key
// to its newest record by sequence number. A record made stale by a later count of the same
// key just waits in the ring until it reaches the front.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace warta::engagement {

// A well-mixed 64-bit hash of a dedup key: the top bits pick the shard, the low bits the slot.
inline std::uint64_t Mix64(std::uint64_t x) {  // splitmix64's finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

inline std::uint64_t HashViewKey(std::int64_t article, std::uint64_t visitor) {
  return Mix64(visitor ^ Mix64(static_cast<std::uint64_t>(article)));
}

class DedupTable {
 public:
  // max_records bounds the ring (live keys plus stale records); at least 1.
  explicit DedupTable(std::size_t max_records = 1);

  // Counts (article, visitor) at now_unix: true when the key has no record or its last count
  // is window_seconds or more ago; the key's time is then set to now_unix. Records older
  // than the window are dropped first; when the bound is reached the oldest are dropped,
  // so under extreme load a visitor may be counted again before the window has passed.
  bool Touch(std::int64_t article, std::uint64_t visitor, std::int64_t now_unix,
             std::int64_t window_seconds);

  std::size_t size() const { return live_; }  // keys tracked
  std::size_t records() const { return static_cast<std::size_t>(tail_ - head_); }
  std::size_t memory_bytes() const;

 private:
  struct Record {
    std::int64_t article;
    std::uint64_t visitor;
    std::int64_t time;
  };

  // A slot is 0 (empty) or (sequence << 16 | 16 fingerprint bits of the key's hash), so
  // most probes for other keys are rejected without touching the ring.
  static constexpr int kFingerprintBits = 16;
  static std::uint64_t Fingerprint(std::uint64_t hash) { return (hash >> 32) & 0xffff; }
  static std::uint64_t SequenceOf(std::uint64_t slot) { return slot >> kFingerprintBits; }

  const Record& RecordAt(std::uint64_t seq) const { return ring_[seq & (ring_.size() - 1)]; }
  std::uint64_t HashOfSlot(std::uint64_t slot) const;
  std::size_t FindSlot(std::int64_t article, std::uint64_t visitor, std::uint64_t hash) const;
  void PopFront();
  void EraseSlot(std::size_t index);
  void GrowTable();
  void GrowRing();

  std::size_t max_records_;
  std::vector<Record> ring_;          // power-of-two size; sequence s lives at s & (size - 1)
  std::vector<std::uint64_t> slots_;  // power-of-two size, at most half full
  std::uint64_t head_ = 1;            // sequence of the oldest record (0 means "empty slot")
  std::uint64_t tail_ = 1;            // sequence of the next record
  std::size_t live_ = 0;
};

}  // namespace warta::engagement
