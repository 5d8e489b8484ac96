#include "storage/sqlite/group_commit.h"

#include <algorithm>
#include <exception>
#include <string>
#include <string_view>
#include <thread>

#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {

struct GroupCommit::Waiter {
  const Body* body;
  Result<void> result;
  bool done = false;
};

namespace {

Result<void> RunStatement(Connection& connection, std::string_view sql) {
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(sql));
  return stmt.Run();
}

// One body inside its own savepoint: on failure only its changes are undone. *intact turns
// false when the savepoint itself could not be made, undone or released: the transaction is
// then in no known state and nothing of it may be committed.
Result<void> RunInSavepoint(Connection& connection, const GroupCommit::Body& body, bool* intact) {
  *intact = false;
  WARTA_RETURN_IF_ERROR(RunStatement(connection, "SAVEPOINT warta_group_body"));
  Result<void> result = Ok();
  try {
    result = body(connection);
  } catch (const std::exception& e) {
    result = Error::Internal(std::string("storage: a grouped write threw: ") + e.what());
  }
  if (!result.ok()) {
    WARTA_RETURN_IF_ERROR(RunStatement(connection, "ROLLBACK TO warta_group_body"));
  }
  WARTA_RETURN_IF_ERROR(RunStatement(connection, "RELEASE warta_group_body"));
  *intact = connection.InTransaction();
  return result;
}

}  // namespace

GroupCommit::GroupCommit(ConnectionPool& pool, std::size_t max_batch)
    : pool_(pool), max_batch_(std::max<std::size_t>(max_batch, 1)) {}

Result<void> GroupCommit::Run(const Body& body) {
  Waiter me{&body, Ok()};
  std::unique_lock lock(mutex_);
  queue_.push_back(&me);
  while (!me.done) {
    if (committing_) {
      done_.wait(lock);
      continue;
    }
    // Lead. First let the callers that are about to arrive join: on a busy core they are
    // runnable but not running while this thread runs (and a sync to disk is mostly CPU in
    // the kernel, not a wait), so without this every group would be one. Yielding while the
    // queue grows admits them one by one; alone it costs one sched_yield.
    committing_ = true;
    for (std::size_t seen = queue_.size(); seen < max_batch_;) {
      lock.unlock();
      std::this_thread::yield();
      lock.lock();
      if (queue_.size() == seen) break;
      seen = queue_.size();
    }
    // Take the oldest waiters (this one among them when the queue is short; otherwise this
    // one leads again or is taken by the next leader).
    const std::size_t n = std::min(queue_.size(), max_batch_);
    std::vector<Waiter*> group(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(n));
    lock.unlock();
    CommitGroup(group);
    lock.lock();
    for (Waiter* w : group) w->done = true;
    counts_.groups += 1;
    counts_.bodies += group.size();
    committing_ = false;
    done_.notify_all();
  }
  return std::move(me.result);
}

void GroupCommit::CommitGroup(const std::vector<Waiter*>& group) {
  auto fail_all = [&group](const Error& error) {
    for (Waiter* w : group) w->result = error;
  };
  auto connection = pool_.Acquire();
  if (!connection.ok()) return fail_all(connection.error());
  auto durable = DurableCommits::Begin(**connection);
  if (!durable.ok()) return fail_all(durable.error());
  auto tx = Transaction::Begin(**connection, Transaction::Mode::kImmediate);
  if (!tx.ok()) return fail_all(tx.error());
  for (Waiter* w : group) {
    bool intact = false;
    w->result = RunInSavepoint(**connection, *w->body, &intact);
    if (!intact) {
      return fail_all(w->result.ok() ? Error::Io("storage: a grouped write left no transaction")
                                     : w->result.error());
    }
  }
  auto committed = tx->Commit();
  if (!committed.ok()) {
    for (Waiter* w : group) {
      if (w->result.ok()) w->result = committed.error();
    }
  }
}

GroupCommit::Counts GroupCommit::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::size_t GroupCommit::waiting() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

}  // namespace warta::storage::sqlite
