// The comments part of `serve`: the comment rules from the configuration, the posting rate
// limits, and the spam classifier hook, owned together.
#pragma once

#include "auth/rate_limiter.h"
#include "comments/service.h"
#include "comments/spam_check.h"
#include "config/config.h"
#include "storage/store.h"
#include "web/context.h"

namespace warta::app {

comments::CommentOptions CommentOptionsFrom(const config::Config& config);

class CommentParts {
 public:
  // spam may be null: then no comment is classified. day_of: the per-day totals' day
  // (comments::CommentService).
  CommentParts(storage::Store& store, const config::Config& config,
               comments::SpamCheck* spam = nullptr, DayOf day_of = {});
  CommentParts(const CommentParts&) = delete;
  CommentParts& operator=(const CommentParts&) = delete;

  web::CommentServices* services() { return &services_; }

 private:
  comments::CommentService service_;
  auth::RateLimiter per_address_;
  auth::RateLimiter per_account_;
  web::CommentServices services_;
};

}  // namespace warta::app
