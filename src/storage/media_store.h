// Pictures taken in (model/media.h): one row per original, named by the SHA-256 of its bytes,
// with the renditions made from it. The files themselves live on disk (media/library.h); this
// store keeps what pages and the admin need to link them.
//
// Errors: as each method says; also Io or Unavailable when the database fails, and Corrupt
// when a stored format is not one model::ParseImageFormat knows.
// Transactions: Insert writes the media row and its variants in one transaction; UpdateText
// the texts with their audit entry; every read is one snapshot.
// Durability: Insert is committed and synced to disk before it returns: the files it names
// were synced before it was called, so a power cut never leaves a row without its files.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/media.h"
#include "model/newsroom.h"

namespace warta::storage {

class MediaStore {
 public:
  virtual ~MediaStore() = default;
  // Stores a picture and its variants; returns the new id. AlreadyExists when a picture with
  // the same sha256 is stored (nothing written: same bytes, same picture; FindBySha256 has
  // it). InvalidArgument (nothing written) for a sha256 that is not 64 lower-case hex digits,
  // a size or dimension that is not positive, fewer than one frame, no variants, a variant in
  // another format than WebP or JPEG, two variants of the same width and format, alt, caption
  // or credit longer than limits::kMaxMediaTextBytes or not UTF-8, an origin URL longer than
  // limits::kMaxUrlBytes, or a created_by that names no account.
  virtual Result<std::int64_t> Insert(const model::NewMedia& media) = 0;
  // The picture with its variants (by width, WebP before JPEG); NotFound when absent.
  virtual Result<model::Media> FindById(std::int64_t id) = 0;
  // nullopt when no picture has these bytes.
  virtual Result<std::optional<model::Media>> FindBySha256(const std::string& sha256) = 0;
  // Newest first, with their variants: the admin's media library. limit 1..100.
  virtual Result<std::vector<model::Media>> ListNewest(int limit, int offset) = 0;
  // The same in keyset pages: newest id first, ids below `before_id` (0: from the newest),
  // at most `limit` (1..100). InvalidArgument for bounds out of range.
  virtual Result<std::vector<model::Media>> ListBefore(std::int64_t before_id, int limit) = 0;
  // Replaces the texts shown with picture `id` and appends `audit` in the same transaction
  // (synced). NotFound for an unknown id; InvalidArgument (nothing written) for a text
  // Insert would refuse, or a bad audit entry.
  virtual Result<void> UpdateText(std::int64_t id, const model::MediaText& text,
                                  const model::AuditEntry& audit) = 0;
};

}  // namespace warta::storage
