// Choosing the story an article belongs to among recent fingerprints. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace warta::ingest::dedup {

// Default largest Hamming distance between SimHashes of one story. Measured on rewrites of
// the same wire text (a changed lead sentence, another footer: 3-9 bits) against unrelated
// articles (around 32 bits, rarely below 20).
inline constexpr int kDefaultMaxDistance = 10;

struct Fingerprint {
  std::int64_t article_id = 0;
  std::uint64_t simhash = 0;
};

struct NearMatch {
  std::int64_t article_id = 0;
  int distance = 0;
};

// The closest fingerprint within max_distance of `simhash` (the earliest in `candidates`
// on ties), or nullopt.
std::optional<NearMatch> FindNearDuplicate(std::uint64_t simhash,
                                           std::span<const Fingerprint> candidates,
                                           int max_distance);

}  // namespace warta::ingest::dedup
