#include "app/comment_services.h"

#include <utility>

#include "core/clock.h"

namespace warta::app {

comments::CommentOptions CommentOptionsFrom(const config::Config& config) {
  const config::CommentsConfig& c = config.comments;
  comments::CommentOptions options;
  options.anonymous = c.anonymous;
  options.max_chars = c.max_chars;
  options.max_depth = c.max_depth;
  options.edit_minutes = c.edit_minutes;
  options.close_after_days = c.close_after_days;
  options.report_threshold = c.report_threshold;
  options.moderate_first = c.moderate_first;
  options.moderate_links = c.moderate_links;
  options.spam_threshold = c.spam_threshold_percent / 100.0;
  options.page_size = c.page_size;
  options.newest_first = c.order == "newest";
  return options;
}

// A small burst (the per-minute rate) lets a reader answer two or three comments in a row;
// a flood from one address or account is refused with 429.
CommentParts::CommentParts(storage::Store& store, const config::Config& config,
                           comments::SpamCheck* spam, DayOf day_of)
    : service_(store, CommentOptionsFrom(config), spam, std::move(day_of)),
      per_address_(SystemClock::Get(), config.ratelimit.comments_per_minute,
                   config.ratelimit.comments_per_minute, config.ratelimit.enabled),
      per_account_(SystemClock::Get(), config.ratelimit.comments_per_minute,
                   config.ratelimit.comments_per_minute, config.ratelimit.enabled),
      services_{service_, per_address_, per_account_} {}

}  // namespace warta::app
