#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {

Result<Rows> QueryOnce(Pool& pool, std::string_view sql, const Params& params) {
  Error last = Error::Internal("postgresql: query never ran");
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    if (attempt > 1) std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt * attempt));
    auto lease = pool.Acquire();
    if (!lease.ok()) return lease.error();
    auto rows = (*lease)->Query(sql, params);
    // A statement alone is its own transaction: one lost with its connection may have been
    // committed, so only serialization failures and deadlocks (rolled back) are retried.
    if (rows.ok() || !(*lease)->retryable() || (*lease)->broken()) return rows;
    last = rows.error();
  }
  return last;
}

}  // namespace warta::storage::postgres
