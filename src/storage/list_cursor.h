// Keyset pagination of newest-first listings (tag, section and author pages): a page is "the
// N articles after this one", read as one index range scan however deep it is, where OFFSET
// would read every row it skips. docs/decisions/0012-listings-at-scale.md.
#pragma once

#include <cstdint>

#include "core/result.h"

namespace warta::storage {

// A place in a listing ordered by (published_at DESC, id DESC): the article it names.
struct ListCursor {
  std::int64_t published_at = 0;
  std::int64_t id = 0;
};

// Most rows a listing skips by offset (old ?page= links): a bound on the rows read.
inline constexpr int kMaxListOffset = 10'000;

// Counts on listing pages go no further than the caller's cap (1..kMaxCountCap).
inline constexpr std::int64_t kMaxCountCap = 100'000;

// The bounds every backend's public listing checks: limit 0..kMaxPublicListLimit, offset
// 0..kMaxListOffset; a count's cap 1..kMaxCountCap. InvalidArgument otherwise.
inline constexpr int kMaxPublicListLimit = 1000;
inline Result<void> CheckListBounds(int limit, int offset) {
  if (limit < 0 || offset < 0 || limit > kMaxPublicListLimit || offset > kMaxListOffset) {
    return Error::InvalidArgument("storage: list bounds out of range");
  }
  return Ok();
}
inline Result<void> CheckCountCap(std::int64_t cap) {
  if (cap >= 1 && cap <= kMaxCountCap) return Ok();
  return Error::InvalidArgument("storage: count cap out of range");
}

}  // namespace warta::storage
