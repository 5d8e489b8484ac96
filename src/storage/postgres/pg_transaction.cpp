#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {

Result<Rows> QueryOnce(Pool& pool, std::string_view sql, const Params& params) {
  Result<Rows> last = Error::Internal("postgresql: query never ran");
  for (int attempt = 1; attempt <= kMaxAttempts; ++attempt) {
    if (attempt > 1) std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt * attempt));
    auto lease = pool.Acquire();
    if (!lease.ok()) return lease.error();
    last = (*lease)->Query(sql, params);
    // A statement alone is its own transaction: lost with the connection means not committed
    // only for reads, so writes are retried only on serialization failures (which roll back).
    if (last.ok() || !(*lease)->retryable() || (*lease)->broken()) return last;
  }
  return last;
}

}  // namespace warta::storage::postgres
