// Durable writes that arrive together share one transaction and one sync to disk.
//
// A like must be on disk before it is acknowledged (synchronous=FULL), and on its own that
// is a transaction and an fdatasync per like: the sync and the WAL frames rewritten for the
// same few pages (the article's row, the day's totals, the trending score) were most of a
// like's cost. Here each caller queues its body and waits; whichever caller finds no commit
// running becomes the leader: it takes every body queued (up to max_batch), runs each in a
// savepoint of one durable immediate transaction, commits once, and wakes the others with
// their results. While its sync runs the next callers queue up, so under load each sync
// carries as many writes as there are callers waiting (the server's write lane bounds them),
// and alone a write costs what it did (a group of one).
//
// Every body sees the effects of the bodies before it in its group, as if run one after
// another. A body that fails is rolled back to its savepoint, alone; a commit that fails fails
// every body of the group (none of them is acknowledged). Bodies run on the leader's thread,
// not on their caller's, and must not throw (an exception becomes that body's error).
//
// Thread safety: Run may be called from any number of threads at once.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "core/result.h"
#include "storage/sqlite/connection_pool.h"

namespace warta::storage::sqlite {

class GroupCommit {
 public:
  explicit GroupCommit(ConnectionPool& pool, std::size_t max_batch = 64);
  GroupCommit(const GroupCommit&) = delete;
  GroupCommit& operator=(const GroupCommit&) = delete;

  using Body = std::function<Result<void>(Connection&)>;

  // Runs `body` in the next group and returns once that group's commit is synced (or
  // failed).
  Result<void> Run(const Body& body);

  struct Counts {
    std::uint64_t groups = 0;  // commits (each one sync)
    std::uint64_t bodies = 0;  // bodies run in them
  };
  Counts counts() const;
  // Bodies queued for the next group.
  std::size_t waiting() const;

 private:
  struct Waiter;
  void CommitGroup(const std::vector<Waiter*>& group);

  ConnectionPool& pool_;
  const std::size_t max_batch_;
  mutable std::mutex mutex_;
  std::condition_variable done_;
  std::vector<Waiter*> queue_;
  bool committing_ = false;
  Counts counts_;
};

// `body(Connection&)` returns Result<T>; runs it through `group` and hands back its result.
template <typename T, typename Body>
Result<T> InGroupCommit(GroupCommit& group, Body body) {
  std::optional<Result<T>> out;
  Result<void> run = group.Run([&](Connection& connection) -> Result<void> {
    out.emplace(body(connection));
    if (!out->ok()) return out->error();
    return Ok();
  });
  if (!run.ok()) return run.error();
  return std::move(*out);
}

}  // namespace warta::storage::sqlite
