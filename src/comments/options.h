// The rules of commenting, from the [comments] section of the configuration.
#pragma once

#include <cstdint>

namespace warta::comments {

struct CommentOptions {
  // Visitors without an account may comment (their comments always wait for a moderator).
  // Off by default: an account is the cheapest brake on abuse and lets readers edit and
  // delete what they wrote.
  bool anonymous = false;
  int max_chars = 5000;         // Unicode code points of Markdown source
  int max_depth = 4;            // levels of a thread, the top level being 1
  int edit_minutes = 15;        // authors may edit this long after posting
  int close_after_days = 0;     // 0: threads never close by age
  int report_threshold = 3;     // reports that send a published comment back to the queue
  bool moderate_first = true;   // an account's first comment waits for a moderator
  bool moderate_links = true;   // comments with links wait for a moderator
  double spam_threshold = 0.9;  // SpamCheck probability from which a comment waits
  int page_size = 20;           // top-level threads per page
  bool newest_first = false;    // default order of threads
};

}  // namespace warta::comments
