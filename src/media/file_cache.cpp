#include "media/file_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace warta::media {
namespace {

Result<std::shared_ptr<const std::string>> ReadFile(const std::string& path,
                                                    std::size_t max_bytes) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Error::NotFound("media: no file " + path);
    return Error::Io("media: cannot open " + path + ": " + std::strerror(errno));
  }
  struct stat info {};
  if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) ||
      static_cast<std::size_t>(info.st_size) > max_bytes) {
    close(fd);
    return Error::Io("media: " + path + " is not a rendition file");
  }
  auto data = std::make_shared<std::string>(static_cast<std::size_t>(info.st_size), '\0');
  std::size_t done = 0;
  while (done < data->size()) {
    const ssize_t n = read(fd, data->data() + done, data->size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      return Error::Io("media: cannot read " + path);
    }
    done += static_cast<std::size_t>(n);
  }
  close(fd);
  return std::shared_ptr<const std::string>(std::move(data));
}

}  // namespace

FileCache::FileCache(const MediaFiles& files, FileCacheOptions options)
    : files_(files), options_(options) {}

Result<std::shared_ptr<const std::string>> FileCache::Get(std::string_view shard,
                                                          std::string_view name) {
  {
    std::lock_guard lock(mutex_);
    auto found = index_.find(name);
    if (found != index_.end()) {
      lru_.splice(lru_.begin(), lru_, found->second);
      return found->second->data;
    }
  }
  WARTA_ASSIGN_OR_RETURN(auto data,
                         ReadFile(files_.PublicPath(shard, name), options_.max_file_bytes));
  if (data->size() <= options_.max_cached_file_bytes) Insert(std::string(name), data);
  return data;
}

void FileCache::Insert(const std::string& name, std::shared_ptr<const std::string> data) {
  std::lock_guard lock(mutex_);
  if (index_.count(name) != 0) return;  // another thread read it meanwhile
  bytes_ += data->size();
  lru_.push_front({name, std::move(data)});
  index_.emplace(lru_.front().name, lru_.begin());
  while (bytes_ > options_.capacity_bytes && !lru_.empty()) {
    bytes_ -= lru_.back().data->size();
    index_.erase(lru_.back().name);
    lru_.pop_back();
  }
}

std::size_t FileCache::bytes() const {
  std::lock_guard lock(mutex_);
  return bytes_;
}

std::size_t FileCache::entries() const {
  std::lock_guard lock(mutex_);
  return lru_.size();
}

}  // namespace warta::media
