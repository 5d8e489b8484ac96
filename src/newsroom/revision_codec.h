// Revision bodies stored small (docs/decisions/0009-newsroom.md, "Revisions"). Every save is
// a revision; most change a few words. A delta revision stores the common prefix and suffix
// lengths shared with the previous body, and the changed middle deflated with the
// previous body's middle as zlib's preset dictionary (deflateSetDictionary), so a small edit
// costs tens of bytes. Every kKeyframeInterval-th revision (1, 17, 33, ...) is a keyframe,
// deflated alone, so reading any revision inflates at most kKeyframeInterval bodies.
//
// Format (first byte): 'K' keyframe: crc32 (4 bytes, big-endian) + raw deflate of the body.
// 'D' delta: crc32 + varint prefix + varint suffix + raw deflate of the middle. The crc32 is of
// the decoded body: a wrong chain or damaged bytes are Corrupt, never a wrong text.
//
// Thread safety: reentrant.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"
#include "model/editorial.h"

namespace warta::newsroom {

inline constexpr std::int64_t kKeyframeInterval = 16;

// Revision 1, 17, 33, ... (numbers start at 1).
constexpr bool IsKeyframeNumber(std::int64_t number) {
  return number >= 1 && (number - 1) % kKeyframeInterval == 0;
}

// A revision's body, encoded alone (a keyframe: IsKeyframeNumber, or the first revision of
// an article's history) or against `previous`, the body of the revision before it.
// InvalidArgument for a body over core/limits.h kMaxBodyBytes.
Result<model::RevisionBody> EncodeRevision(std::string_view body, std::string_view previous,
                                           bool keyframe);

// The body of the last revision of `chain`: oldest first, starting at a keyframe (what
// EditorialStore::RevisionChain returns). Corrupt when the chain does not start at a
// keyframe or a body does not decode to its size and checksum.
Result<std::string> DecodeChain(std::span<const model::RevisionBody> chain);

}  // namespace warta::newsroom
