#include <iostream>

#include "app/cli.h"
#include "app/commands.h"

namespace warta::app {

int RunMigrate(const CommonOptions& options) {
  auto config = LoadConfig(options);
  if (!config.ok()) return Fail(config.error().ToString());
  auto store = storage::OpenStore(config->db.url);
  if (!store.ok()) return Fail(store.error().ToString());
  auto before = store.value()->SchemaVersion();
  if (!before.ok()) return Fail(before.error().ToString());
  auto after = store.value()->Migrate();
  if (!after.ok()) return Fail(after.error().ToString());
  if (before.value() == after.value()) {
    std::cout << "schema is up to date (version " << after.value() << ")\n";
  } else {
    std::cout << "migrated schema from version " << before.value() << " to " << after.value()
              << "\n";
  }
  return 0;
}

void RegisterMigrate(CommandLine& line) {
  CLI::App* migrate = line.cli().add_subcommand("migrate", "Create or upgrade the database schema");
  line.AddStoreOptions(migrate);
  line.OnRun(migrate, [&line] { return RunMigrate(line.options()); });
}

}  // namespace warta::app
