#include "newsroom/publisher.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <string>
#include <utility>

#include "core/rfc3339.h"

namespace warta::newsroom {

Publisher::Publisher(storage::EditorialStore& store, const Clock& clock, PublisherOptions options,
                     std::function<void(std::int64_t)> on_change)
    : store_(store), clock_(clock), options_(options), on_change_(std::move(on_change)) {}

Publisher::~Publisher() { Stop(); }

void Publisher::Start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { Run(); });
}

void Publisher::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Publisher::Wake() {
  {
    std::lock_guard lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

Result<PublisherPass> Publisher::RunOnce() {
  const std::int64_t now = clock_.NowUnix();
  PublisherPass pass;
  WARTA_ASSIGN_OR_RETURN(auto due, store_.ListDue(now, options_.batch));
  for (const storage::DueChange& change : due) {
    const std::int64_t delay = now - change.due_at;
    model::AuditEntry audit;
    audit.created_at = now;
    audit.user_id = 0;  // the system
    audit.action = change.publish ? "article.publish" : "article.unpublish";
    audit.target_type = "article";
    audit.summary = std::string(change.publish ? "scheduled for " : "withdrawal due at ") +
                    FormatRfc3339Utc(change.due_at) + ", done " + std::to_string(delay) +
                    " s later by the publisher";
    auto done = change.publish ? store_.PublishDue(change.article_id, now, audit)
                               : store_.UnpublishDue(change.article_id, now, audit);
    if (!done.ok()) return done.error();
    if (!*done) continue;  // another node, or an editor, was first
    if (change.publish) {
      ++pass.published;
      published_total_.fetch_add(1);
    } else {
      ++pass.unpublished;
      unpublished_total_.fetch_add(1);
    }
    pass.max_delay = std::max(pass.max_delay, delay);
    if (delay > options_.late_seconds) {
      ++pass.late;
      late_total_.fetch_add(1);
      spdlog::warn("publisher: article {} {} {} s late (due {})", change.article_id,
                   change.publish ? "published" : "withdrawn", delay,
                   FormatRfc3339Utc(change.due_at));
    } else {
      spdlog::info("publisher: article {} {}", change.article_id,
                   change.publish ? "published" : "withdrawn");
    }
    if (on_change_) on_change_(change.article_id);
  }
  return pass;
}

std::chrono::milliseconds Publisher::SleepFor(std::int64_t now,
                                              std::optional<std::int64_t> next_due) const {
  if (!next_due) return options_.max_sleep;
  if (*next_due <= now) return std::chrono::milliseconds(0);
  const auto until = std::chrono::seconds(*next_due - now);
  return std::min<std::chrono::milliseconds>(until, options_.max_sleep);
}

void Publisher::Run() {
  for (;;) {
    if (options_.may_run && !options_.may_run()) {
      // Another node publishes (the changes are conditional anyway: this only spares the
      // duplicate queries).
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, options_.max_sleep, [this] { return stopping_; });
      if (stopping_) return;
      woken_ = false;
      continue;
    }
    auto pass = RunOnce();
    if (!pass.ok()) spdlog::warn("publisher: {} (retrying)", pass.error().ToString());
    auto next = store_.NextDue();
    if (!next.ok()) spdlog::warn("publisher: {} (retrying)", next.error().ToString());
    // Work left over (a full batch, or an error) is retried after the longest sleep at most.
    auto sleep = SleepFor(clock_.NowUnix(), next.ok() ? *next : std::nullopt);
    if (!pass.ok() || !next.ok()) sleep = options_.max_sleep;
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, sleep, [this] { return stopping_ || woken_; });
    if (stopping_) return;
    woken_ = false;
  }
}

}  // namespace warta::newsroom
