// Pictures (model::Media rows) by id, kept in memory for the pages that show them: a front
// page lists dozens of cards, each with a thumbnail, and is rendered again every few seconds,
// so its pictures must not cost a query each time. A picture's files never change; its alt
// text, caption and credit may (the admin's media library): Invalidate drops one.
//
// Bounded: at most `capacity` entries; a full cache is emptied and refilled (the hot set of a
// front page is a few dozen pictures, one query each to reload).
// Thread safety: every method may be called from any thread concurrently.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "model/media.h"
#include "storage/media_store.h"

namespace warta::web {

class PictureCache {
 public:
  explicit PictureCache(storage::MediaStore& store, std::size_t capacity = 4096)
      : store_(store), capacity_(capacity) {}

  // The picture, or null when the id is 0, unknown, or the store fails (a page then shows
  // no picture rather than an error: the text is what matters).
  std::shared_ptr<const model::Media> Find(std::int64_t id);
  void Invalidate(std::int64_t id);
  std::size_t size() const;

 private:
  storage::MediaStore& store_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, std::shared_ptr<const model::Media>> entries_;
};

}  // namespace warta::web
