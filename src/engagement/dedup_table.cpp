#include "engagement/dedup_table.h"

#include <algorithm>
#include <bit>

namespace warta::engagement {
namespace {
constexpr std::size_t kInitialSize = 16;
}  // namespace

DedupTable::DedupTable(std::size_t max_records)
    : max_records_(std::max<std::size_t>(max_records, 1)),
      ring_(std::min(kInitialSize, std::bit_ceil(std::max<std::size_t>(max_records, 1)))),
      slots_(kInitialSize * 2, 0) {}

std::size_t DedupTable::memory_bytes() const {
  return ring_.capacity() * sizeof(Record) + slots_.capacity() * sizeof(std::uint64_t);
}

std::uint64_t DedupTable::HashOfSlot(std::uint64_t slot) const {
  const Record& r = RecordAt(SequenceOf(slot));
  return HashViewKey(r.article, r.visitor);
}

// The slot holding the key, or the empty slot where it would go.
std::size_t DedupTable::FindSlot(std::int64_t article, std::uint64_t visitor,
                                 std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t fingerprint = Fingerprint(hash);
  for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return i;
    if ((slot & 0xffff) != fingerprint) continue;
    const Record& r = RecordAt(SequenceOf(slot));
    if (r.article == article && r.visitor == visitor) return i;
  }
}

// Linear probing without tombstones: close the gap by moving back every later entry of the
// cluster whose home position is not between the gap and itself.
void DedupTable::EraseSlot(std::size_t gap) {
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t j = (gap + 1) & mask; slots_[j] != 0; j = (j + 1) & mask) {
    const std::size_t home = HashOfSlot(slots_[j]) & mask;
    const bool stays = gap <= j ? (gap < home && home <= j) : (gap < home || home <= j);
    if (!stays) {
      slots_[gap] = slots_[j];
      gap = j;
    }
  }
  slots_[gap] = 0;
  --live_;
}

void DedupTable::PopFront() {
  const Record& r = RecordAt(head_);
  const std::uint64_t hash = HashViewKey(r.article, r.visitor);
  const std::size_t i = FindSlot(r.article, r.visitor, hash);
  // The key may have been counted again later: then its slot points at a newer record.
  if (slots_[i] != 0 && SequenceOf(slots_[i]) == head_) EraseSlot(i);
  ++head_;
}

void DedupTable::GrowTable() {
  std::vector<std::uint64_t> old = std::move(slots_);
  slots_.assign(old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (std::uint64_t slot : old) {
    if (slot == 0) continue;
    std::size_t i = HashOfSlot(slot) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void DedupTable::GrowRing() {
  std::vector<Record> bigger(ring_.size() * 2);
  const std::size_t mask = bigger.size() - 1;
  for (std::uint64_t seq = head_; seq != tail_; ++seq) bigger[seq & mask] = RecordAt(seq);
  ring_ = std::move(bigger);
}

bool DedupTable::Touch(std::int64_t article, std::uint64_t visitor, std::int64_t now_unix,
                       std::int64_t window_seconds) {
  // Make room before probing: popping may move slots (backward shift).
  while (head_ != tail_ && now_unix - RecordAt(head_).time >= window_seconds) PopFront();
  while (records() >= max_records_) PopFront();
  if ((live_ + 1) * 2 > slots_.size()) GrowTable();
  if (records() == ring_.size()) GrowRing();

  const std::uint64_t hash = HashViewKey(article, visitor);
  const std::size_t i = FindSlot(article, visitor, hash);
  if (slots_[i] != 0) {
    if (now_unix - RecordAt(SequenceOf(slots_[i])).time < window_seconds) return false;
  } else {
    ++live_;
  }
  const std::uint64_t seq = tail_++;
  ring_[seq & (ring_.size() - 1)] = Record{article, visitor, now_unix};
  slots_[i] = (seq << kFingerprintBits) | Fingerprint(hash);
  return true;
}

}  // namespace warta::engagement
