// gzip made once, sent many times.
//
// Pages the same for everyone (feeds, sitemaps, static files) are compressed once per change
// (GzipOnce). Pages with per-reader holes (the article page's counters and CSRF token, the
// account menu) are kept as fixed parts with holes between them: each fixed part is
// compressed once on its own, as raw deflate ending with a full flush (DeflatePart), so it
// ends on a byte boundary and refers to nothing before it. Per request, StitchGzip writes a
// gzip header, the fixed parts' bytes as they are, each hole's few bytes as stored (not
// compressed) blocks, an empty final block, and the trailer: the crc32 of the whole page
// combined from the parts' crc32s (zlib's crc32_combine) and its length. The result is one
// valid gzip member equal, once inflated, to the plain page; the per-request cost is a copy
// of the compressed bytes plus the crc32 of the holes.
//
// Thread safety: plain functions over values; a DeflatedPart is immutable once made.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace warta::http {

// A fixed part of a page, compressed once: raw deflate ending with a full flush (no final
// block), the crc32 and the size of the plain text.
struct DeflatedPart {
  std::string deflated;
  std::uint32_t crc = 0;
  std::size_t size = 0;
  // zlib's crc32_combine_gen(size): what shifting a crc past this part's bytes multiplies by.
  // crc32_combine derives it from the length on every call (~0.4 µs a part, a sixth of the
  // gzip article page's CPU); kept here, each request's combine is one multiplication.
  std::uint32_t combine_op = 0;
};

// Compresses `plain` as a fixed part (level: zlib's 1..9). An empty input gives an empty
// part (no bytes at all). Throws std::bad_alloc only.
DeflatedPart DeflatePart(std::string_view plain, int level = 6);

// The whole of `plain` as one gzip member, compressed at `level`.
std::string GzipOnce(std::string_view plain, int level = 6);

// One piece of a response body: either a fixed part (`fixed` set, compressed once) or a
// live range (`fixed` null) compressed per request. Both name their bytes in the body by
// offset and size, so the plain body and the stitched one always say the same.
struct BodyPiece {
  const DeflatedPart* fixed = nullptr;
  std::size_t offset = 0;
  std::size_t size = 0;
};

// Writes the gzip member of `body`, made of `pieces` (which must cover it in order, each
// fixed piece's plain bytes equal to its range of the body), into out. False (out
// unspecified) when the pieces do not cover the body exactly: the caller compresses the
// plain body instead.
bool StitchGzip(std::string_view body, const std::vector<BodyPiece>& pieces, std::string& out);

}  // namespace warta::http
