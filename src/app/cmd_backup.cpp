// `warta backup FILE [--db D] [--force]`: a consistent copy of the database made while the
// site serves (SQLite's online backup API, in steps), checked with PRAGMA integrity_check
// before it is put at FILE. Restore: stop warta, copy FILE over the database, start it
// (docs/cli.md).
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli.h"
#include "app/commands.h"
#include "storage/backup.h"

namespace warta::app {
namespace {

int RunBackup(const CommonOptions& options, const std::string& file, bool force) {
  // The migrated store: a backup of an older schema would need migrating at restore anyway.
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  storage::BackupOptions backup;
  backup.overwrite = force;
  auto report = opened->store->Backup(file, backup);
  if (!report.ok()) return Fail(report.error().message);
  nlohmann::json out = {{"file", file},
                        {"pages", report->pages},
                        {"bytes", report->bytes},
                        {"steps", report->steps},
                        {"integrity", "ok"}};
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace

void RegisterBackup(CommandLine& line) {
  CLI::App* backup = line.cli().add_subcommand(
      "backup", "Copy the database to FILE while serving, then check the copy");
  line.AddStoreOptions(backup);
  std::string* file = &line.NewValue();
  auto force = std::make_shared<bool>(false);
  backup->add_option("FILE", *file, "Where the copy goes (refused if it exists, unless --force)")
      ->required();
  backup->add_flag("--force", *force, "Replace FILE if it exists");
  line.OnRun(backup, [&line, file, force] { return RunBackup(line.options(), *file, *force); });
}

}  // namespace warta::app
