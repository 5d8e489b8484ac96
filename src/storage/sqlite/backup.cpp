// SqliteStore::Backup (storage/store.h): SQLite's online backup API from a pooled
// connection that holds one read snapshot for the whole copy, so steps never restart and
// writers (WAL) are not blocked.
#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <thread>

#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/statement_helpers.h"

namespace warta::storage::sqlite {
namespace {

struct BackupFinisher {
  void operator()(sqlite3_backup* backup) const { sqlite3_backup_finish(backup); }
};
using BackupPtr = std::unique_ptr<sqlite3_backup, BackupFinisher>;

Error Failed(const std::string& what, sqlite3* db) {
  return MakeSqliteError(sqlite3_extended_errcode(db), "backup: " + what, sqlite3_errmsg(db));
}

// Removes the partial copy unless released (the copy was put in place).
class PartialFile {
 public:
  explicit PartialFile(std::filesystem::path path) : path_(std::move(path)) { Remove(); }
  ~PartialFile() {
    if (!released_) Remove();
  }
  PartialFile(const PartialFile&) = delete;
  PartialFile& operator=(const PartialFile&) = delete;
  const std::filesystem::path& path() const { return path_; }
  void Release() { released_ = true; }

 private:
  void Remove() {
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix, ignored);
    }
  }
  std::filesystem::path path_;
  bool released_ = false;
};

Result<BackupReport> Copy(sqlite3* source, sqlite3* dest, const BackupOptions& options) {
  BackupPtr backup(sqlite3_backup_init(dest, "main", source, "main"));
  if (!backup) return Failed("cannot start", dest);
  BackupReport report;
  int busy = 0;
  for (;;) {
    const int rc = sqlite3_backup_step(backup.get(), options.pages_per_step);
    ++report.steps;
    if (rc == SQLITE_DONE) break;
    if (rc == SQLITE_OK) {
      std::this_thread::sleep_for(options.pause);
      continue;
    }
    if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++busy <= options.max_busy_retries) {
      std::this_thread::sleep_for(options.pause + std::chrono::milliseconds(10));
      continue;
    }
    return MakeSqliteError(rc, "backup: step", sqlite3_errstr(rc));
  }
  report.pages = sqlite3_backup_pagecount(backup.get());
  const int rc = sqlite3_backup_finish(backup.release());
  if (rc != SQLITE_OK) return MakeSqliteError(rc, "backup: finish", sqlite3_errmsg(dest));
  return report;
}

// A plain single file (rollback journal) that passes PRAGMA integrity_check.
Result<void> CheckCopy(sqlite3* dest) {
  if (sqlite3_exec(dest, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Failed("journal mode of the copy", dest);
  }
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(dest, "PRAGMA integrity_check", -1, &raw, nullptr) != SQLITE_OK) {
    return Failed("integrity check", dest);
  }
  StmtPtr stmt(raw);
  if (sqlite3_step(stmt.get()) != SQLITE_ROW) return Failed("integrity check", dest);
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), 0));
  const std::string verdict = text != nullptr ? text : "";
  if (verdict != "ok") return Error::Corrupt("backup: the copy fails its check: " + verdict);
  return Ok();
}

}  // namespace

Result<BackupReport> SqliteStore::Backup(const std::string& path, const BackupOptions& options) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (path.empty()) return Error::InvalidArgument("backup: no destination file");
  if (fs::exists(path, error) && !options.overwrite) {
    return Error::AlreadyExists("backup: '" + path + "' exists; give --force to replace it");
  }
  if (fs::is_directory(path, error)) {
    return Error::InvalidArgument("backup: '" + path + "' is a directory");
  }
  PartialFile partial(path + ".partial");
  BackupReport report;
  {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_EXRESCODE;
    const int rc = sqlite3_open_v2(partial.path().c_str(), &raw, flags, nullptr);
    DbPtr dest(raw);
    if (rc != SQLITE_OK) {
      return Error::Io("backup: cannot create '" + partial.path().string() +
                       "': " + (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    }
    WARTA_ASSIGN_OR_RETURN(auto source, pool_->Acquire());
    // One read snapshot for every step: writes made meanwhile go to the WAL, unseen here.
    WARTA_ASSIGN_OR_RETURN(auto snapshot,
                           Transaction::Begin(*source, Transaction::Mode::kDeferred));
    WARTA_RETURN_IF_ERROR(QueryFirst(*source, "SELECT count(*) FROM sqlite_master", NoParams,
                                     [](const Statement& s) { return s.Int64(0); }));
    WARTA_ASSIGN_OR_RETURN(report, Copy(source->raw(), dest.get(), options));
    WARTA_RETURN_IF_ERROR(snapshot.Commit());
    WARTA_RETURN_IF_ERROR(CheckCopy(dest.get()));
    if (sqlite3_close(dest.release()) != SQLITE_OK) {
      return Error::Io("backup: closing the copy failed");
    }
  }
  report.bytes = static_cast<std::int64_t>(fs::file_size(partial.path(), error));
  fs::rename(partial.path(), path, error);
  if (error) {
    return Error::Io("backup: cannot move the copy to '" + path + "': " + error.message());
  }
  partial.Release();
  return report;
}

}  // namespace warta::storage::sqlite
