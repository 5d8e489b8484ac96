// The media library: pictures in (an editor's upload, `warta media add`, later ingest), their
// files on disk (media/files.h) and their rows (storage/media_store.h) out. The one entry point
// for taking a picture in; docs/decisions/0010-pictures.md.
//
// Add, in order: the alt/caption/credit checked; the bytes hashed (SHA-256) and, when a
// picture with those bytes is stored, that picture returned as it is (same bytes, same
// picture; nothing processed or written); a turn taken at the ProcessingGate; the picture
// rendered (media/render.h: every refusal there); the original and every rendition written
// (each atomically); the row inserted. On any failure the files this call wrote are removed
// again: nothing half-written stays.
//
// Thread safety: Add may be called from any thread; pictures are processed one at a time
// (LibraryOptions::max_waiting more wait, up to max_wait; then Unavailable).
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "media/files.h"
#include "media/gate.h"
#include "media/render.h"
#include "model/media.h"
#include "storage/media_store.h"

namespace warta::media {

struct LibraryOptions {
  std::string dir;  // media.dir
  RenderOptions render;
  int max_waiting = 2;
  std::chrono::milliseconds max_wait{30'000};
};

// What comes with the bytes.
struct PictureInfo {
  std::string alt;
  std::string caption;
  std::string credit;
  std::string origin_url;                  // ingest: where the picture was fetched
  std::optional<std::int64_t> created_by;  // the uploading account
};

class MediaLibrary {
 public:
  // Opens (creating) the folders under options.dir. Io naming the path when it cannot.
  static Result<std::unique_ptr<MediaLibrary>> Open(storage::MediaStore& store,
                                                    LibraryOptions options);
  MediaLibrary(const MediaLibrary&) = delete;
  MediaLibrary& operator=(const MediaLibrary&) = delete;

  // The stored picture, with its variants. Errors: InvalidArgument for alt, caption or
  // credit longer than limits::kMaxMediaTextBytes or not UTF-8, and Render's refusals
  // (InvalidArgument, TooLarge); Unavailable when busy (ProcessingGate) or libvips is
  // missing; Io when a file cannot be written; the store's errors.
  Result<model::Media> Add(std::string_view bytes, const PictureInfo& info);

  const LibraryOptions& options() const { return options_; }
  const MediaFiles& files() const { return files_; }

 private:
  MediaLibrary(storage::MediaStore& store, LibraryOptions options, MediaFiles files);
  Result<model::Media> Store(std::string_view bytes, const std::string& sha256,
                             const PictureInfo& info);

  storage::MediaStore& store_;
  LibraryOptions options_;
  MediaFiles files_;
  ProcessingGate gate_;
};

// Lower-case hex SHA-256 of the bytes (libsodium).
std::string Sha256Hex(std::string_view bytes);

}  // namespace warta::media
