// Online backups (`warta backup FILE`): a consistent copy of the whole database, made while
// the site serves. Store::Backup makes it.
#pragma once

#include <chrono>
#include <cstdint>

namespace warta::storage {

struct BackupOptions {
  bool overwrite = false;  // replace an existing file at the destination
  // SQLite copies this many pages per step and pauses between steps, so writers of the
  // serving process are never held up for long.
  int pages_per_step = 256;
  std::chrono::milliseconds pause{2};
  int max_busy_retries = 500;  // steps refused for a lock, retried after a pause each
};

struct BackupReport {
  std::int64_t pages = 0;
  std::int64_t bytes = 0;
  int steps = 0;
};

}  // namespace warta::storage
