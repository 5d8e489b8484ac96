// What keeps the page caches of several nodes on one PostgreSQL in step (DESIGN.md
// "Scale-out"): every node LISTENs on one channel and NOTIFYs what it changed (an article, a
// comment thread, the site's settings); the others drop the same cache entries the change
// dropped on the node that made it. Comment changes are announced by the comment store inside
// their transaction (pg_comment_store.cpp: delivered at commit), so they reach the node that
// made them too; what Publish sends is skipped by its sender.
//
// One thread and one connection of its own per node: LISTEN needs a session that stays open
// (not a pooled one, not PgBouncer's transaction mode). The thread sends what Publish queued
// on that same connection, so a node's own notifications come back with its own backend pid
// and are skipped. When the connection breaks the thread reconnects (every reconnect_delay)
// and then calls on_resync: notifications sent meanwhile are lost, so the node drops every
// cache instead. Payloads Publish could not send are kept (up to kMaxQueued) and sent after
// the reconnect.
//
// Delivery is at most once and in commit order per sender; the receivers' caches also expire
// on their own (ArticleCache's refresh), so a lost message delays a change, never hides it.
//
// Thread safety: Publish and the counters from any thread; Start and Stop from the owner.
// The handlers run on the channel's thread, one at a time.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace warta::storage::postgres {

inline constexpr std::string_view kChangeChannel = "warta_changes";

struct ChangeChannelOptions {
  std::string url;                                    // libpq URL of the database the nodes share
  std::string channel = std::string(kChangeChannel);  // [a-z_]+
  std::chrono::milliseconds reconnect_delay{1000};
  // Told when the connection is lost or back (storage has no logger); may be empty.
  std::function<void(const std::string&)> log;
};

class ChangeChannel {
 public:
  // NOTIFY's payload limit is 8000 bytes; warta's payloads are a few words.
  static constexpr std::size_t kMaxPayloadBytes = 7999;
  static constexpr std::size_t kMaxQueued = 10'000;

  using Handler = std::function<void(std::string_view payload)>;
  // on_message gets each payload another node published; on_resync runs after a reconnect
  // (not after the first connect), when messages may have been missed.
  ChangeChannel(ChangeChannelOptions options, Handler on_message, std::function<void()> on_resync);
  ~ChangeChannel();  // Stop()
  ChangeChannel(const ChangeChannel&) = delete;
  ChangeChannel& operator=(const ChangeChannel&) = delete;

  void Start();
  void Stop();  // idempotent; what is still queued is sent first when connected

  // Queues a payload for every other node; never waits for the network. A payload over
  // kMaxPayloadBytes, or beyond kMaxQueued waiting ones, is dropped and counted.
  void Publish(std::string payload);

  bool connected() const { return connected_.load(); }
  std::uint64_t sent() const { return sent_.load(); }
  std::uint64_t received() const { return received_.load(); }
  std::uint64_t dropped() const { return dropped_.load(); }
  std::uint64_t reconnects() const { return reconnects_.load(); }

 private:
  void Run();
  void Wake();

  const ChangeChannelOptions options_;
  const Handler on_message_;
  const std::function<void()> on_resync_;
  std::mutex mutex_;
  std::condition_variable idle_;
  std::deque<std::string> outbox_;
  bool stopping_ = false;
  int wake_fd_ = -1;  // an eventfd: Publish and Stop end the thread's wait on the socket
  std::thread thread_;
  std::atomic<bool> connected_{false};
  std::atomic<std::uint64_t> sent_{0};
  std::atomic<std::uint64_t> received_{0};
  std::atomic<std::uint64_t> dropped_{0};
  std::atomic<std::uint64_t> reconnects_{0};
};

}  // namespace warta::storage::postgres
