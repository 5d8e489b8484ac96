#include "app/cli.h"

namespace warta::app {

void CommandLine::AddStoreOptions(CLI::App* command) {
  command->add_option("--db", db_,
                      "Database: sqlite:PATH (default sqlite:data/warta.db) or postgresql://...");
  command->add_option("--config", options_.config_file, "TOML configuration file");
}

void CommandLine::OnRun(CLI::App* command, std::function<int()> action) {
  actions_.emplace_back(command, std::move(action));
}

CommonOptions& CommandLine::options() {
  if (!db_.empty()) options_.overrides["db.url"] = db_;
  return options_;
}

int CommandLine::Run() {
  for (auto& [command, action] : actions_) {
    if (command->parsed()) return action();
  }
  return 2;
}

}  // namespace warta::app
