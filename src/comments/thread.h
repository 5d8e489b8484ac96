// Arranges an article's comments for display: threads (a top-level comment and its replies,
// depth first, replies oldest first), ordered oldest or newest first, a page of top-level
// threads at a time. Comments that are not published are left out unless a published reply
// hangs below them; then they stay as a placeholder ("comment deleted") so the thread keeps
// its shape. Pure: no I/O.
#pragma once

#include <vector>

#include "model/comment.h"

namespace warta::comments {

struct ThreadEntry {
  const model::Comment* comment = nullptr;  // points into the caller's vector
  int depth = 0;                            // 0 for top level
  bool placeholder = false;
};

struct ThreadPage {
  std::vector<ThreadEntry> entries;
  int page = 1;     // 1-based, clamped to [1, pages]
  int pages = 1;    // at least 1
  int threads = 0;  // visible top-level threads in all
};

// `comments` as stored (any order). page_size >= 1.
ThreadPage BuildThreadPage(const std::vector<model::Comment>& comments, bool newest_first, int page,
                           int page_size);

}  // namespace warta::comments
