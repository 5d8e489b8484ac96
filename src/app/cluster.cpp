#include "app/cluster.h"

#include <spdlog/spdlog.h>

#include <charconv>
#include <utility>

namespace warta::app {

ClusterLease::ClusterLease(std::string url, std::int64_t key, std::string job,
                           std::chrono::milliseconds retry)
    : url_(std::move(url)), key_(key), job_(std::move(job)), retry_(retry) {}

bool ClusterLease::Held() {
  if (lock_ && lock_->held()) return true;
  if (lock_) {
    spdlog::warn("cluster: lost the {} lock (database session ended)", job_);
    lock_.reset();
  }
  const auto now = std::chrono::steady_clock::now();
  if (now < next_try_) return false;
  next_try_ = now + retry_;
  auto taken = storage::postgres::AdvisoryLock::TryAcquire(url_, key_);
  if (!taken.ok()) {
    spdlog::warn("cluster: {} lock: {}", job_, taken.error().ToString());
    return false;
  }
  if (!taken->has_value()) return false;  // another node runs the job
  lock_ = std::move(*taken);
  spdlog::info("cluster: this node runs the {} now", job_);
  return true;
}

ClusterMessage ParseClusterMessage(std::string_view payload) {
  ClusterMessage message;
  if (payload == "settings") {
    message.kind = ClusterMessage::Kind::kSettings;
    return message;
  }
  const auto space = payload.find(' ');
  if (space == std::string_view::npos) return message;
  const std::string_view word = payload.substr(0, space);
  const std::string_view digits = payload.substr(space + 1);
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (error != std::errc() || end != digits.data() + digits.size() || id <= 0) return message;
  if (word == "article") message.kind = ClusterMessage::Kind::kArticle;
  if (word == "page") message.kind = ClusterMessage::Kind::kPage;
  if (message.kind != ClusterMessage::Kind::kUnknown) message.id = id;
  return message;
}

std::unique_ptr<Cluster> Cluster::ForDatabase(const std::string& db_url) {
  if (db_url.rfind("postgresql://", 0) != 0 && db_url.rfind("postgres://", 0) != 0) {
    return nullptr;
  }
  return std::unique_ptr<Cluster>(new Cluster(db_url));
}

void Cluster::Start(ClusterHandlers handlers) {
  handlers_ = std::move(handlers);
  storage::postgres::ChangeChannelOptions options;
  options.url = url_;
  options.log = [](const std::string& line) { spdlog::warn("{}", line); };
  channel_ = std::make_unique<storage::postgres::ChangeChannel>(
      std::move(options), [this](std::string_view payload) { Dispatch(payload); },
      [this] {
        if (handlers_.everything) handlers_.everything();
      });
  channel_->Start();
}

void Cluster::Stop() {
  if (channel_) channel_->Stop();
}

void Cluster::Dispatch(std::string_view payload) const {
  const ClusterMessage message = ParseClusterMessage(payload);
  switch (message.kind) {
    case ClusterMessage::Kind::kArticle:
      if (handlers_.article_changed) handlers_.article_changed(message.id);
      break;
    case ClusterMessage::Kind::kPage:
      if (handlers_.page_changed) handlers_.page_changed(message.id);
      break;
    case ClusterMessage::Kind::kSettings:
      if (handlers_.settings_changed) handlers_.settings_changed();
      break;
    case ClusterMessage::Kind::kUnknown:
      // A newer node's message this one does not know: its caches expire on their own.
      spdlog::debug("cluster: unknown change \"{}\" ignored", payload);
      break;
  }
}

void Cluster::AnnounceArticle(std::int64_t id) {
  if (channel_) channel_->Publish("article " + std::to_string(id));
}

void Cluster::AnnounceSettings() {
  if (channel_) channel_->Publish("settings");
}

std::function<bool()> Cluster::IngestLease() {
  if (!ingest_) ingest_ = std::make_shared<ClusterLease>(url_, kIngestLockKey, "ingest");
  return [lease = ingest_] { return lease->Held(); };
}

std::function<bool()> Cluster::PublisherLease() {
  if (!publisher_) {
    publisher_ = std::make_shared<ClusterLease>(url_, kPublisherLockKey, "publisher");
  }
  return [lease = publisher_] { return lease->Held(); };
}

}  // namespace warta::app
