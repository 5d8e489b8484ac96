// What readers do with an article besides reading it: likes and shares (views are
// engagement/view_counter.h's, comments model/comment.h's).
#pragma once

#include "model/article.h"

namespace warta::model {

// The outcome of a like or unlike: whether a like row was added or removed, and the article's
// stored counters after it (views: the stored total, without views not yet flushed).
struct LikeChange {
  bool changed = false;
  Counters counters;
};

}  // namespace warta::model
