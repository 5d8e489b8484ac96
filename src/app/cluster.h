// `serve` as one of several nodes on one PostgreSQL database (DESIGN.md "Scale-out",
// docs/scaling.md). Nothing here runs on SQLite: a SQLite file has one node.
//
// - Timed jobs run on one node at a time: the ingest scheduler and the publisher each ask a
//   ClusterLease (a session advisory lock on a connection of its own) before they run. The
//   node holding it keeps it; when that node dies its session ends and another node takes the
//   lock at its next try.
// - Page caches follow changes made on other nodes: a change is announced on a
//   LISTEN/NOTIFY channel and every other node drops what the change dropped where it was
//   made (see the handlers). A node whose channel was down drops every cache.
//
// Thread safety: Announce* from any thread; each lease from one thread (its job's).
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "storage/postgres/pg_advisory_lock.h"
#include "storage/postgres/pg_change_channel.h"

namespace warta::app {

// One cluster-wide job lock, held once taken. Held() tries to take it at most once per
// retry interval while another node holds it, and notices a lost session without a round trip.
class ClusterLease {
 public:
  ClusterLease(std::string url, std::int64_t key, std::string job,
               std::chrono::milliseconds retry = std::chrono::milliseconds(1000));
  bool Held();

 private:
  const std::string url_;
  const std::int64_t key_;
  const std::string job_;
  const std::chrono::milliseconds retry_;
  std::optional<storage::postgres::AdvisoryLock> lock_;
  std::chrono::steady_clock::time_point next_try_{};
};

// What a node drops when another announces a change: the same as the change dropped locally.
struct ClusterHandlers {
  // An article was created, published, withdrawn or edited: its page and every listing.
  std::function<void(std::int64_t)> article_changed;
  // One article's page (its comments changed): that page only. Also runs on the node that
  // made the change (the store announces it), which has dropped the page already.
  std::function<void(std::int64_t)> page_changed;
  // The site's settings changed: read them again.
  std::function<void()> settings_changed;
  // Changes may have been missed (the channel reconnected): drop everything.
  std::function<void()> everything;
};

// The lock keys: 'warta' and a job number (0x…01 is the migration lock, pg_store.cpp).
inline constexpr std::int64_t kIngestLockKey = 0x7761727461'02;
inline constexpr std::int64_t kPublisherLockKey = 0x7761727461'03;

class Cluster {
 public:
  // Null for a database that is not PostgreSQL.
  static std::unique_ptr<Cluster> ForDatabase(const std::string& db_url);

  // Starts listening; the handlers run on the channel's thread.
  void Start(ClusterHandlers handlers);
  void Stop();

  // "page ID" is announced by the comment store itself (pg_comment_store.cpp).
  void AnnounceArticle(std::int64_t id);
  void AnnounceSettings();

  // For SchedulerOptions::may_run and PublisherOptions::may_run.
  std::function<bool()> IngestLease();
  std::function<bool()> PublisherLease();

  const storage::postgres::ChangeChannel* channel() const { return channel_.get(); }

 private:
  explicit Cluster(std::string url) : url_(std::move(url)) {}
  void Dispatch(std::string_view payload) const;

  const std::string url_;
  ClusterHandlers handlers_;
  std::unique_ptr<storage::postgres::ChangeChannel> channel_;
  std::shared_ptr<ClusterLease> ingest_;
  std::shared_ptr<ClusterLease> publisher_;
};

// "article 12", "page 12", "settings": the messages on the channel, parsed.
struct ClusterMessage {
  enum class Kind { kUnknown, kArticle, kPage, kSettings } kind = Kind::kUnknown;
  std::int64_t id = 0;
};
ClusterMessage ParseClusterMessage(std::string_view payload);

}  // namespace warta::app
