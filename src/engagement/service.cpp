#include "engagement/service.h"

#include <utility>

#include "storage/article_store.h"
#include "storage/like_store.h"
#include "storage/share_store.h"
#include "storage/trending_store.h"

namespace warta::engagement {
namespace {

// What a store write gave back: the stored counters, and whether it changed anything (a like
// repeated or an unlike of nothing does not; a share always counts).
const model::Counters& StoredCounters(const model::LikeChange& change) { return change.counters; }
const model::Counters& StoredCounters(const model::Counters& counters) { return counters; }
bool Changed(const model::LikeChange& change) { return change.changed; }
bool Changed(const model::Counters& /*counters*/) { return true; }

}  // namespace

// A small burst (the per-minute rate) lets a reader like a few articles in a row; a flood
// from one address or account is refused.
EngagementService::EngagementService(storage::Store& store, ViewCounter& views, CounterSink* sink,
                                     EngagementLimits limits, const Clock& clock, DayOf day_of)
    : store_(store),
      views_(views),
      sink_(sink),
      clock_(clock),
      day_of_(std::move(day_of)),
      per_address_(clock, limits.per_minute, limits.per_minute, limits.enabled),
      per_account_(clock, limits.per_minute, limits.per_minute, limits.enabled),
      cookieless_(clock, limits.cookieless_per_hour / 60.0, limits.cookieless_per_hour,
                  limits.enabled) {}

auth::RateDecision EngagementService::Admit(const Engager& who) {
  auth::RateDecision decision = per_address_.Take(who.address);
  // Both must have a token left: an account cannot escape its budget by changing address.
  if (decision.allowed && who.liker.kind == model::Liker::Kind::kAccount) {
    decision = per_account_.Take(model::ToText(who.liker));
  }
  if (decision.allowed && who.cookieless) decision = cookieless_.Take(who.address);
  return decision;
}

template <typename Write>
Result<Engaged> EngagementService::Engage(const Engager& who, std::int64_t article_id,
                                          Write write) {
  const auth::RateDecision admitted = Admit(who);
  if (!admitted.allowed) return Engaged{admitted.retry_after_seconds, false, {}};
  const std::int64_t now = clock_.NowUnix();
  const std::int64_t day = day_of_ ? day_of_(now) : UtcDay(now);
  // No lock across the write: likes of one article (a story going round) must be able to
  // wait for the same group commit (storage/sqlite/group_commit.h) at once.
  WARTA_ASSIGN_OR_RETURN(auto written, write(now, day));
  model::Counters counters = StoredCounters(written);
  if (sink_ != nullptr) {
    // Callers of one group return in any order, so the counters this write returned may be
    // older than ones another caller applied already. Under the article's lock, what the
    // database holds now is at least as new as anything applied before: apply that.
    std::unique_lock<std::mutex> lock = sink_->CounterLock(article_id);
    auto stored = store_.articles().GetCounters(article_id);
    if (stored.ok()) {
      counters = *stored;
      sink_->ApplyCounters(article_id, counters);
    }
  }
  return Engaged{0, Changed(written), Shown(article_id, counters)};
}

Result<Engaged> EngagementService::Like(const Engager& who, std::int64_t article_id) {
  return Engage(who, article_id, [&](std::int64_t now, std::int64_t day) {
    return store_.likes().Like(article_id, who.liker, now, day);
  });
}

Result<Engaged> EngagementService::Unlike(const Engager& who, std::int64_t article_id) {
  return Engage(who, article_id, [&](std::int64_t now, std::int64_t /*day*/) {
    return store_.likes().Unlike(article_id, who.liker, now);  // from the like's own day
  });
}

Result<Engaged> EngagementService::Share(const Engager& who, std::int64_t article_id,
                                         ShareNetwork network) {
  return Engage(who, article_id, [&](std::int64_t now, std::int64_t day) {
    return store_.shares().Add(article_id, std::string(ToText(network)), now, day);
  });
}

Result<bool> EngagementService::IsLiked(std::int64_t article_id, const model::Liker& liker) {
  return store_.likes().IsLiked(article_id, liker);
}

bool EngagementService::CountView(std::int64_t article_id, std::uint64_t visitor, bool crawler) {
  if (crawler) return false;
  return views_.RecordView(article_id, visitor, clock_.NowUnix());
}

bool EngagementService::CountView(std::int64_t article_id, const Viewer& viewer) {
  if (viewer.crawler) return false;
  const std::int64_t now = clock_.NowUnix();
  // Checked before and taken after: a repeated view (not counted) costs nothing. Two
  // requests at once may both pass the check; the overdraft is at most the I/O threads.
  if (viewer.cookieless && !cookieless_.Check(viewer.address).allowed) return false;
  const bool counted = views_.RecordView(article_id, viewer.visitor, now);
  if (counted && viewer.cookieless) (void)cookieless_.Take(viewer.address);
  if (viewer.new_cookie_id != 0) views_.MarkSeen(article_id, viewer.new_cookie_id, now);
  return counted;
}

model::Counters EngagementService::Shown(std::int64_t article_id, model::Counters stored) const {
  stored.views = views_.Displayed(article_id).value_or(stored.views);
  return stored;
}

Result<void> EngagementService::SetTrendingPolicy(const model::TrendingPolicy& policy) {
  return store_.trending().SetPolicy(policy, clock_.NowUnix());
}

}  // namespace warta::engagement
