// The picture files on disk, under media.dir (media/names.h has the layout):
//   originals/  the uploads as received: never served, kept for re-deriving renditions
//   public/     the renditions, served by GET /media/…
//   tmp/        files being written; renamed into place once complete
//
// Every file is written to tmp/, synced, renamed into place and its directory synced: a
// reader (or a crash) never sees half a file under public/ or originals/. tmp/ is on the same
// file system, so the rename is atomic; a crash may leave files in tmp/, removed at the next
// Open once an hour old (another node may be writing one now).
//
// Thread safety: const methods may be called from any thread; a FileBatch belongs to one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "model/media.h"

namespace warta::media {

class MediaFiles {
 public:
  // Creates dir and its three folders as needed (a missing parent of dir is created too).
  // Io naming the path when it cannot.
  static Result<MediaFiles> Open(const std::string& dir);

  const std::string& dir() const { return dir_; }
  std::string OriginalPath(std::string_view sha256, model::ImageFormat format) const;
  std::string RenditionPath(std::string_view sha256, int width, model::ImageFormat format) const;
  // public/<shard>/<name> for a name RenditionFormat accepted.
  std::string PublicPath(std::string_view shard, std::string_view name) const;

  // Writes `bytes` as `path` (under dir) through tmp/; true when written, false when a file
  // of that size was there already (names are content-addressed: same name, same bytes).
  // Io on failure, with nothing left behind.
  Result<bool> WriteAtomically(const std::string& path, std::string_view bytes) const;

  // Files in tmp/ older than max_age_seconds, removed; returns how many.
  int RemoveStaleTemporaries(long max_age_seconds) const;

 private:
  explicit MediaFiles(std::string dir) : dir_(std::move(dir)) {}
  std::string dir_;
};

// The files of one intake: those it wrote are removed again when it is destroyed, unless
// Keep() was called (after the database row that names them is committed).
class FileBatch {
 public:
  explicit FileBatch(const MediaFiles& files) : files_(files) {}
  FileBatch(const FileBatch&) = delete;
  FileBatch& operator=(const FileBatch&) = delete;
  ~FileBatch();

  Result<void> Write(const std::string& path, std::string_view bytes);
  void Keep() { written_.clear(); }
  std::size_t written() const { return written_.size(); }

 private:
  const MediaFiles& files_;
  std::vector<std::string> written_;
};

}  // namespace warta::media
