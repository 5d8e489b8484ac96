// Rendition files served from memory: GET /media/… reads through this. Rendition names are
// content-addressed (media/names.h), so a cached file never goes stale; a least recently used
// one is dropped when the cache is over its size.
//
// Thread safety: every method may be called from any thread (one mutex; file reads happen
// outside it).
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/result.h"
#include "media/files.h"

namespace warta::media {

struct FileCacheOptions {
  std::size_t capacity_bytes = std::size_t{64} << 20;
  std::size_t max_cached_file_bytes = std::size_t{4} << 20;  // larger: read, served, not kept
  std::size_t max_file_bytes = std::size_t{64} << 20;        // larger: refused (never written)
};

class FileCache {
 public:
  FileCache(const MediaFiles& files, FileCacheOptions options = {});
  FileCache(const FileCache&) = delete;
  FileCache& operator=(const FileCache&) = delete;

  // The bytes of public/<shard>/<name>. Precondition: RenditionFormat(shard, name) accepted
  // the name. NotFound when there is no such file; Io when it cannot be read (or is larger
  // than max_file_bytes).
  Result<std::shared_ptr<const std::string>> Get(std::string_view shard, std::string_view name);

  std::size_t bytes() const;
  std::size_t entries() const;

 private:
  struct Entry {
    std::string name;
    std::shared_ptr<const std::string> data;
  };
  void Insert(const std::string& name, std::shared_ptr<const std::string> data);

  const MediaFiles& files_;
  const FileCacheOptions options_;
  mutable std::mutex mutex_;
  std::list<Entry> lru_;  // most recently used first
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;  // keys: Entry::name
  std::size_t bytes_ = 0;
};

}  // namespace warta::media
