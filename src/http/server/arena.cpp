#include "http/server/arena.h"

#include <algorithm>
#include <cstdint>
#include <new>

namespace warta::http::server {

void* Arena::Allocate(std::size_t bytes, std::size_t align) {
  if (!chunks_.empty()) {
    auto base = reinterpret_cast<std::uintptr_t>(chunks_.back().data.get());
    std::uintptr_t start = (base + used_ + align - 1) & ~(static_cast<std::uintptr_t>(align) - 1);
    if (start + bytes <= base + chunks_.back().size) {
      used_ = start + bytes - base;
      return reinterpret_cast<void*>(start);
    }
  }
  // operator new[] memory is aligned for any fundamental type, which is all fields need.
  std::size_t size = std::max(chunk_bytes_, bytes + align);
  chunks_.push_back(Chunk{std::unique_ptr<std::byte[]>(new std::byte[size]), size});
  auto base = reinterpret_cast<std::uintptr_t>(chunks_.back().data.get());
  std::uintptr_t start = (base + align - 1) & ~(static_cast<std::uintptr_t>(align) - 1);
  used_ = start + bytes - base;
  return reinterpret_cast<void*>(start);
}

void Arena::Reset() {
  if (chunks_.size() > 1) chunks_.resize(1);
  used_ = 0;
}

}  // namespace warta::http::server
