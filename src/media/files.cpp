#include "media/files.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include "core/random.h"
#include "media/names.h"

namespace warta::media {
namespace {

Error IoError(const std::string& what, const std::string& path) {
  return Error::Io("media: " + what + " " + path + ": " + std::strerror(errno));
}

// mkdir -p, mode 0755.
Result<void> MakeDirectories(const std::string& path) {
  for (std::size_t slash = path.find('/', 1);; slash = path.find('/', slash + 1)) {
    const std::string prefix = path.substr(0, slash);
    if (!prefix.empty() && mkdir(prefix.c_str(), 0755) != 0 && errno != EEXIST) {
      return IoError("cannot create the folder", prefix);
    }
    if (slash == std::string::npos) return Ok();
  }
}

Result<void> SyncDirectory(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return IoError("cannot open the folder", path);
  const int rc = fsync(fd);
  close(fd);
  if (rc != 0) return IoError("cannot sync the folder", path);
  return Ok();
}

std::string Parent(const std::string& path) { return path.substr(0, path.rfind('/')); }

// Writes all of `bytes` to a new file at `path` and syncs it.
Result<void> WriteNewFile(const std::string& path, std::string_view bytes) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return IoError("cannot create", path);
  const char* at = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t n = write(fd, at, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      Error error = IoError("cannot write", path);
      close(fd);
      return error;
    }
    at += n;
    left -= static_cast<std::size_t>(n);
  }
  if (fsync(fd) != 0) {
    Error error = IoError("cannot sync", path);
    close(fd);
    return error;
  }
  if (close(fd) != 0) return IoError("cannot close", path);
  return Ok();
}

}  // namespace

Result<MediaFiles> MediaFiles::Open(const std::string& dir) {
  if (dir.empty()) return Error::InvalidArgument("media: media.dir is empty");
  std::string clean = dir;
  while (clean.size() > 1 && clean.back() == '/') clean.pop_back();
  for (const char* sub : {"/originals", "/public", "/tmp"}) {
    WARTA_RETURN_IF_ERROR(MakeDirectories(clean + sub));
  }
  MediaFiles files(clean);
  files.RemoveStaleTemporaries(3600);
  return files;
}

std::string MediaFiles::OriginalPath(std::string_view sha256, model::ImageFormat format) const {
  return dir_ + "/originals/" + std::string(ShardOf(sha256)) + "/" + OriginalName(sha256, format);
}

std::string MediaFiles::RenditionPath(std::string_view sha256, int width,
                                      model::ImageFormat format) const {
  return PublicPath(ShardOf(sha256), RenditionName(sha256, width, format));
}

std::string MediaFiles::PublicPath(std::string_view shard, std::string_view name) const {
  return dir_ + "/public/" + std::string(shard) + "/" + std::string(name);
}

Result<bool> MediaFiles::WriteAtomically(const std::string& path, std::string_view bytes) const {
  struct stat existing {};
  if (stat(path.c_str(), &existing) == 0 &&
      static_cast<std::size_t>(existing.st_size) == bytes.size()) {
    return false;
  }
  const std::string folder = Parent(path);
  WARTA_RETURN_IF_ERROR(MakeDirectories(folder));
  const std::string temporary = dir_ + "/tmp/" + RandomHex(12) + ".part";
  if (auto written = WriteNewFile(temporary, bytes); !written.ok()) {
    unlink(temporary.c_str());
    return written.error();
  }
  if (rename(temporary.c_str(), path.c_str()) != 0) {
    Error error = IoError("cannot move into place", path);
    unlink(temporary.c_str());
    return error;
  }
  // The rename is durable only once the folder that holds the new name is synced.
  if (auto synced = SyncDirectory(folder); !synced.ok()) {
    unlink(path.c_str());
    return synced.error();
  }
  return true;
}

int MediaFiles::RemoveStaleTemporaries(long max_age_seconds) const {
  const std::string tmp = dir_ + "/tmp";
  DIR* folder = opendir(tmp.c_str());
  if (folder == nullptr) return 0;
  const std::time_t now = std::time(nullptr);
  int removed = 0;
  while (const dirent* entry = readdir(folder)) {
    const std::string name = entry->d_name;
    if (name == "." || name == "..") continue;
    std::string path = tmp;
    path += '/';
    path += name;
    struct stat info {};
    if (stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
        now - info.st_mtime >= max_age_seconds && unlink(path.c_str()) == 0) {
      ++removed;
    }
  }
  closedir(folder);
  return removed;
}

FileBatch::~FileBatch() {
  for (const std::string& path : written_) unlink(path.c_str());
}

Result<void> FileBatch::Write(const std::string& path, std::string_view bytes) {
  WARTA_ASSIGN_OR_RETURN(bool wrote, files_.WriteAtomically(path, bytes));
  if (wrote) written_.push_back(path);
  return Ok();
}

}  // namespace warta::media
