// What readers do with an article besides commenting: views, likes and shares, and the rules
// they go through. Handlers parse the request and render the answer; everything between is
// here. Storage does the transactions; the view counter (view_counter.h) the view batching.
//
// Rules:
//   - A like belongs to a model::Liker (the account when logged in, else the visitor) and is
//     idempotent: liking twice, or unliking what was never liked, changes nothing, on any node.
//   - Likes, unlikes and shares share two budgets (EngagementLimits): one per client address
//     and, for accounts, one per account. Over budget nothing is written and the outcome says
//     when to try again. Addresses are held in memory only.
//   - Known crawlers' views are not counted; a visitor's view counts once per article per
//     window (ViewCounter).
//   - Trending: a like, an unlike and a share change the article's trending score in the same
//     transaction as its counter, by the weights of model::TrendingPolicy (model/trending.h):
//     a like adds like_weight at its time, its unlike takes back exactly that, a share adds
//     share_weight at its time. Flushed views are credited by ArticleStore::AddViews and
//     comments by the comment store, with the same policy. SetTrendingPolicy sets it.
//   - Counters given back are what readers are shown: the stored likes, comments and shares
//     of the write, and views including those not yet flushed (Shown).
//
// Errors: NotFound for an unknown article; InvalidArgument for an invalid liker; Io or
// Unavailable when the store fails. Nothing is written on error. A refusal by a budget is
// not an error (Engaged::throttled).
// Durability: a like, unlike or share is committed and synced to disk before its method
// returns (storage/like_store.h, storage/share_store.h); views are batched (view_counter.h).
// Time: the Clock's wall time dates likes, shares and views; its monotonic time refills the
// budgets. Tests pass a FakeClock. A like or share also counts in the dashboard's per-day
// totals on the day `day_of` gives for its time (the site's time zone; core/day.h).
// Thread safety: every method may be called from any thread concurrently; Like, Unlike,
// Share, IsLiked and SetTrendingPolicy block on the store, CountView and Shown do no I/O.
#pragma once

#include <cstdint>
#include <string>

#include "auth/rate_limiter.h"
#include "core/clock.h"
#include "core/day.h"
#include "core/result.h"
#include "engagement/counter_sink.h"
#include "engagement/share_network.h"
#include "engagement/view_counter.h"
#include "model/article.h"
#include "model/liker.h"
#include "model/trending.h"
#include "storage/store.h"

namespace warta::engagement {

// Who likes or shares: the liker it is stored under, and the client address its budget is
// kept under.
struct Engager {
  model::Liker liker;
  std::string address;
  // A visitor without a (valid) cookie: also spends the address's cookie-less budget.
  bool cookieless = false;
};

// Who viewed, for CountView.
struct Viewer {
  std::uint64_t visitor = 0;
  bool crawler = false;
  // No valid cookie came with the request: `visitor` is the address + agent hash, and the
  // view spends the address's cookie-less budget (EngagementLimits::cookieless_per_hour).
  bool cookieless = false;
  std::string_view address;
  // The random id of the cookie this answer sets (0: none): marked as having seen the
  // article, so the same reader's next request, with the cookie, is not a second view.
  std::uint64_t new_cookie_id = 0;
};

// The budgets of likes, unlikes and shares (ratelimit.likes_per_minute, ratelimit.enabled):
// per_minute a minute each, as many saved up.
struct EngagementLimits {
  double per_minute = 30;
  bool enabled = true;
  // Views, likes, unlikes and shares counted per hour (as many saved up) from one address
  // for visitors without a cookie: every new user agent is a new such visitor, so this is
  // all that rotating user agents can buy (issue 16, finding 4; docs/security.md).
  double cookieless_per_hour = 60;
};

// What a like, unlike or share did.
struct Engaged {
  int retry_after_seconds = 0;  // > 0: refused by a budget, nothing was written
  bool changed = false;         // a like was added or removed (a share always counts)
  model::Counters counters;     // as shown: the stored totals, views with unflushed ones

  bool throttled() const { return retry_after_seconds > 0; }
};

class EngagementService {
 public:
  // sink may be null (nothing to keep current). Everything passed must outlive the service.
  // day_of: the day of a like's or share's time (empty: UTC days).
  EngagementService(storage::Store& store, ViewCounter& views, CounterSink* sink,
                    EngagementLimits limits, const Clock& clock, DayOf day_of = {});
  EngagementService(const EngagementService&) = delete;
  EngagementService& operator=(const EngagementService&) = delete;

  Result<Engaged> Like(const Engager& who, std::int64_t article_id);
  Result<Engaged> Unlike(const Engager& who, std::int64_t article_id);
  Result<Engaged> Share(const Engager& who, std::int64_t article_id, ShareNetwork network);
  Result<bool> IsLiked(std::int64_t article_id, const model::Liker& liker);

  // Counts a view of the article by the visitor; false when it is not counted (a crawler,
  // or already counted in this window).
  bool CountView(std::int64_t article_id, std::uint64_t visitor, bool crawler);
  // The same for a request's viewer: a cookie-less view counts only while its address has
  // budget left, and spends it only when counted.
  bool CountView(std::int64_t article_id, const Viewer& viewer);
  // `stored` with the views not yet flushed (once this node has loaded the article).
  model::Counters Shown(std::int64_t article_id, model::Counters stored) const;

  // The trending weights and half-life from now on (config trending.*); rescales stored
  // scores when the half-life changed (TrendingStore::SetPolicy).
  Result<void> SetTrendingPolicy(const model::TrendingPolicy& policy);

 private:
  // The budgets' verdict on one more like, unlike or share by `who`.
  auth::RateDecision Admit(const Engager& who);
  // Admits `who`, then runs write(now, day), a committed store write, under the sink's lock and
  // hands the sink the counters it returned.
  template <typename Write>
  Result<Engaged> Engage(const Engager& who, std::int64_t article_id, Write write);

  storage::Store& store_;
  ViewCounter& views_;
  CounterSink* sink_;
  const Clock& clock_;
  const DayOf day_of_;
  auth::RateLimiter per_address_;
  auth::RateLimiter per_account_;
  auth::RateLimiter cookieless_;
};

}  // namespace warta::engagement
