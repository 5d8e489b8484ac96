// Checkpoints the write-ahead log of one database file from a thread of its own, for the
// connections of a ConnectionPool, in place of SQLite's automatic checkpoint.
//
// Why: SQLite's automatic checkpoint runs in whichever connection commits, once the log holds
// 1,000 frames, and it counts frames since the log last *restarted*, not since the last
// checkpoint. A log restarts only when a writer begins while no reader is using it, which
// under a steady mix of reads and writes (a busy site) almost never happens: the log grew
// to 400 MB in 20 s of likes on the million-article benchmark site, and from then on every
// commit ran a checkpoint that sorted the log's newest 4,096-frame index (SQLite's
// walIteratorInit), a third of a like's CPU, 600-900 µs a like in all.
//
// Here commits only count frames (a WAL hook, which also turns the automatic checkpoint off
// for that connection); every kCheckpointFrames new frames the thread runs a PASSIVE
// checkpoint (readers and writers go on), and once the log is past kRestartFrames a RESTART
// one: it holds the pool's write mutex, copies the frames PASSIVE could not and waits
// (kRestartWaitMs at most) for the readers still using the log, so the next writer starts it
// again from the top.
// journal_size_limit then trims the file.
//
// Thread safety: Watch is called by the pool when it opens a connection; the hook runs on
// whichever thread commits.
#pragma once

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "core/result.h"
#include "storage/sqlite/database.h"

namespace warta::storage::sqlite {

class WalCheckpointer {
 public:
  static constexpr int kCheckpointFrames = 1000;  // SQLite's own default
  static constexpr int kRestartFrames = 4096;     // 16 MB of 4 KB pages: one index block
  static constexpr int kRestartWaitMs = 20;
  static constexpr std::int64_t kLogSizeLimitBytes = 64LL << 20;

  // Opens a connection of its own to `path` and starts the thread. `write_mutex` is the
  // pool's (held by immediate transactions).
  static Result<std::unique_ptr<WalCheckpointer>> Start(const std::string& path,
                                                        std::mutex* write_mutex);
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;
  // Stops and joins the thread (SQLite checkpoints once more when the last connection closes).
  ~WalCheckpointer();

  // Routes `connection`'s commits here (and turns its automatic checkpoint off).
  Result<void> Watch(Connection& connection);

  struct Counts {
    std::int64_t checkpoints = 0;  // PASSIVE ones run
    std::int64_t restarts = 0;     // RESTART ones that rewound the log
    std::int64_t busy = 0;         // RESTART ones given up on (a reader stayed longer)
  };
  Counts counts() const;

 private:
  WalCheckpointer(std::unique_ptr<Connection> connection, std::mutex* write_mutex);
  static int OnCommit(void* self, sqlite3* db, const char* schema, int frames);
  void Committed(int frames);
  void Run();
  void CheckpointOnce();

  std::unique_ptr<Connection> connection_;
  std::mutex* write_mutex_;
  // Frames in the log when the last checkpoint was asked for (0 after a restart).
  std::atomic<int> asked_at_{0};
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool due_ = false;
  bool stop_ = false;
  Counts counts_;
  std::thread thread_;
};

}  // namespace warta::storage::sqlite
