#include "storage/sqlite/wal_checkpointer.h"

#include <utility>

namespace warta::storage::sqlite {

Result<std::unique_ptr<WalCheckpointer>> WalCheckpointer::Start(const std::string& path,
                                                                std::mutex* write_mutex) {
  WARTA_ASSIGN_OR_RETURN(auto connection, Connection::Open(path, nullptr));
  // The busy handler only matters to RESTART (PASSIVE never waits): how long it may keep
  // the writers waiting for the last readers of the log.
  sqlite3_busy_timeout(connection->raw(), kRestartWaitMs);
  std::unique_ptr<WalCheckpointer> checkpointer(
      new WalCheckpointer(std::move(connection), write_mutex));
  checkpointer->thread_ = std::thread([self = checkpointer.get()] { self->Run(); });
  return checkpointer;
}

WalCheckpointer::WalCheckpointer(std::unique_ptr<Connection> connection, std::mutex* write_mutex)
    : connection_(std::move(connection)), write_mutex_(write_mutex) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

Result<void> WalCheckpointer::Watch(Connection& connection) {
  sqlite3_wal_hook(connection.raw(), &WalCheckpointer::OnCommit, this);
  return connection.Exec("PRAGMA journal_size_limit=" + std::to_string(kLogSizeLimitBytes));
}

WalCheckpointer::Counts WalCheckpointer::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

int WalCheckpointer::OnCommit(void* self, sqlite3* /*db*/, const char* /*schema*/, int frames) {
  static_cast<WalCheckpointer*>(self)->Committed(frames);
  return SQLITE_OK;
}

// `frames`: the frames in the log after this commit. SQLite calls the hook after releasing
// the write lock, so two commits' hooks may run at once: at worst both ask for the same
// checkpoint, which the thread then runs once or twice.
void WalCheckpointer::Committed(int frames) {
  int asked = asked_at_.load(std::memory_order_relaxed);
  if (frames < asked) {  // the log was restarted since
    asked = 0;
    asked_at_.store(0, std::memory_order_relaxed);
  }
  if (frames - asked < kCheckpointFrames) return;
  asked_at_.store(frames, std::memory_order_relaxed);
  {
    std::lock_guard lock(mutex_);
    due_ = true;
  }
  wake_.notify_one();
}

void WalCheckpointer::Run() {
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return due_ || stop_; });
    if (stop_) return;
    due_ = false;
    lock.unlock();
    CheckpointOnce();
    lock.lock();
  }
}

void WalCheckpointer::CheckpointOnce() {
  sqlite3* db = connection_->raw();
  int log = 0;
  int copied = 0;
  const int passive =
      sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &log, &copied);
  {
    std::lock_guard lock(mutex_);
    ++counts_.checkpoints;
  }
  // Under steady writes the PASSIVE one never copies the last few frames (readers of newer
  // snapshots): RESTART finishes them with the writers held, then rewinds.
  if (passive != SQLITE_OK || log < kRestartFrames) return;
  int restart = SQLITE_OK;
  {
    // Writers of this process queue on the mutex rather than in SQLite's busy handler.
    std::unique_lock<std::mutex> writers;
    if (write_mutex_ != nullptr) writers = std::unique_lock(*write_mutex_);
    restart = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_RESTART, &log, &copied);
  }
  std::lock_guard lock(mutex_);
  if (restart == SQLITE_OK) {
    ++counts_.restarts;
  } else {
    ++counts_.busy;
  }
}

}  // namespace warta::storage::sqlite
