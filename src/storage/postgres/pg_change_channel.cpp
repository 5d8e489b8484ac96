#include "storage/postgres/pg_change_channel.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <exception>
#include <memory>
#include <utility>

#include "storage/postgres/pg_connection.h"

namespace warta::storage::postgres {
namespace {

bool ValidChannel(const std::string& name) {
  if (name.empty()) return false;
  for (char c : name) {
    if ((c < 'a' || c > 'z') && c != '_') return false;
  }
  return true;
}

}  // namespace

ChangeChannel::ChangeChannel(ChangeChannelOptions options, Handler on_message,
                             std::function<void()> on_resync)
    : options_(std::move(options)),
      on_message_(std::move(on_message)),
      on_resync_(std::move(on_resync)),
      wake_fd_(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC)) {}

ChangeChannel::~ChangeChannel() {
  Stop();
  if (wake_fd_ >= 0) close(wake_fd_);
}

void ChangeChannel::Start() {
  if (thread_.joinable() || !ValidChannel(options_.channel)) return;
  thread_ = std::thread([this] { Run(); });
}

void ChangeChannel::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  idle_.notify_all();
  Wake();
  if (thread_.joinable()) thread_.join();
}

void ChangeChannel::Wake() {
  if (wake_fd_ < 0) return;
  const std::uint64_t one = 1;
  (void)!write(wake_fd_, &one, sizeof one);
}

void ChangeChannel::Publish(std::string payload) {
  {
    std::lock_guard lock(mutex_);
    if (payload.size() > kMaxPayloadBytes || outbox_.size() >= kMaxQueued) {
      dropped_.fetch_add(1);
      return;
    }
    outbox_.push_back(std::move(payload));
  }
  Wake();
}

void ChangeChannel::Run() {
  std::unique_ptr<Connection> connection;
  bool ever_connected = false;
  auto log = [this](const std::string& line) {
    if (options_.log) options_.log(line);
  };
  auto lose = [&](const std::string& why) {
    connection.reset();
    connected_ = false;
    log("cluster: change channel lost (" + why + "); reconnecting");
  };
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_ && (outbox_.empty() || !connection)) break;
    }
    if (!connection) {
      auto opened = Connection::Open(options_.url, /*connect_timeout_seconds=*/5);
      Result<void> listening = opened.ok() ? (*opened)->Exec("LISTEN " + options_.channel)
                                           : Result<void>(opened.error());
      if (!listening.ok()) {
        std::unique_lock lock(mutex_);
        idle_.wait_for(lock, options_.reconnect_delay, [this] { return stopping_; });
        continue;
      }
      connection = std::move(opened).value();
      connected_ = true;
      if (ever_connected) {
        reconnects_.fetch_add(1);
        log("cluster: change channel connected again; dropping every cache");
        // Caught here: a throwing handler must not end the thread (and with it the channel).
        try {
          if (on_resync_) on_resync_();
        } catch (const std::exception& e) {
          log(std::string("cluster: resync failed: ") + e.what());
        }
      }
      ever_connected = true;
    }
    // Send what is queued, in order; what fails stays first in line for the next connection.
    for (;;) {
      std::string payload;
      {
        std::lock_guard lock(mutex_);
        if (outbox_.empty()) break;
        payload = outbox_.front();
      }
      auto sent =
          connection->Run("SELECT pg_notify($1, $2)", Params().Add(options_.channel).Add(payload));
      if (!sent.ok()) break;
      sent_.fetch_add(1);
      std::lock_guard lock(mutex_);
      outbox_.pop_front();
    }
    if (connection->broken()) {
      lose("send failed");
      continue;
    }
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
    }
    // Wait for the server (a notification, or the socket closing) or for Publish/Stop.
    pollfd fds[2] = {{connection->socket(), POLLIN, 0}, {wake_fd_, POLLIN, 0}};
    (void)poll(fds, 2, /*timeout ms=*/1000);
    if ((fds[1].revents & POLLIN) != 0) {
      std::uint64_t count = 0;
      (void)!read(wake_fd_, &count, sizeof count);
    }
    auto notes = connection->TakeNotifications();
    if (!notes.ok()) {
      lose(notes.error().message);
      continue;
    }
    const int own_pid = connection->backend_pid();
    for (const Connection::Notification& note : *notes) {
      if (note.sender_pid == own_pid) continue;  // this node's own change, already applied
      received_.fetch_add(1);
      try {
        if (on_message_) on_message_(note.payload);
      } catch (const std::exception& e) {
        log(std::string("cluster: change \"") + note.payload + "\" failed: " + e.what());
      }
    }
  }
  connected_ = false;
}

}  // namespace warta::storage::postgres
