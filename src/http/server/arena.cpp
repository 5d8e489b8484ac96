#include "http/server/arena.h"

#include <algorithm>

namespace warta::http::server {

void* Arena::Allocate(std::size_t bytes, std::size_t align) {
  if (!chunks_.empty()) {
    Chunk& last = chunks_.back();
    void* start = last.data.get() + used_;
    std::size_t space = last.size - used_;
    if (std::align(align, bytes, start, space) != nullptr) {
      used_ = last.size - space + bytes;
      return start;
    }
  }
  std::size_t size = std::max(chunk_bytes_, bytes + align);
  chunks_.push_back(Chunk{std::unique_ptr<std::byte[]>(new std::byte[size]), size});
  Chunk& fresh = chunks_.back();
  void* start = fresh.data.get();
  std::size_t space = size;
  std::align(align, bytes, start, space);  // fits: size >= bytes + align
  used_ = size - space + bytes;
  return start;
}

void Arena::Reset() {
  if (chunks_.size() > 1) chunks_.resize(1);
  used_ = 0;
}

}  // namespace warta::http::server
