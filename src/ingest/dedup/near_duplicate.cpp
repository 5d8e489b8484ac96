#include "ingest/dedup/near_duplicate.h"

#include "ingest/dedup/fingerprint.h"

namespace warta::ingest::dedup {

std::optional<NearMatch> FindNearDuplicate(std::uint64_t simhash,
                                           std::span<const Fingerprint> candidates,
                                           int max_distance) {
  std::optional<NearMatch> best;
  for (const Fingerprint& candidate : candidates) {
    const int distance = HammingDistance(simhash, candidate.simhash);
    if (distance <= max_distance && (!best || distance < best->distance)) {
      best = NearMatch{candidate.article_id, distance};
    }
  }
  return best;
}

}  // namespace warta::ingest::dedup
