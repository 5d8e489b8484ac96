// A bump allocator for the header fields of one request. Beast's fields container allocates
// one node per header; with this, a keep-alive connection parses request after request
// without calling malloc: everything is released at once when the next request starts.
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace warta::http::server {

class Arena {
 public:
  explicit Arena(std::size_t chunk_bytes = 4096) : chunk_bytes_(chunk_bytes) {}
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* Allocate(std::size_t bytes, std::size_t align);
  // Forgets every allocation; keeps the first chunk for the next request and frees the
  // others, so one huge request does not pin memory for the life of the connection.
  void Reset();

 private:
  struct Chunk {
    std::unique_ptr<std::byte[]> data;
    std::size_t size = 0;
  };
  std::size_t chunk_bytes_;
  std::vector<Chunk> chunks_;
  std::size_t used_ = 0;  // bytes used in chunks_.back()
};

// A standard allocator over an Arena: deallocate does nothing, Arena::Reset frees.
template <typename T>
class ArenaAllocator {
 public:
  using value_type = T;

  explicit ArenaAllocator(Arena* arena) noexcept : arena_(arena) {}
  template <typename U>
  ArenaAllocator(const ArenaAllocator<U>& other) noexcept  // NOLINT(google-explicit-constructor)
      : arena_(other.arena()) {}

  T* allocate(std::size_t n) {
    return static_cast<T*>(arena_->Allocate(n * sizeof(T), alignof(T)));
  }
  void deallocate(T*, std::size_t) noexcept {}
  Arena* arena() const noexcept { return arena_; }

  template <typename U>
  bool operator==(const ArenaAllocator<U>& other) const noexcept {
    return arena_ == other.arena();
  }
  template <typename U>
  bool operator!=(const ArenaAllocator<U>& other) const noexcept {
    return arena_ != other.arena();
  }

 private:
  Arena* arena_;
};

}  // namespace warta::http::server
