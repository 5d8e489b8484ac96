// How commands join the command line: each command file has one Register* function that
// adds its CLI11 subcommand(s) and the action to run when chosen. main.cpp lists them.
#pragma once

#include <CLI/CLI.hpp>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "app/commands.h"

namespace warta::app {

class CommandLine {
 public:
  explicit CommandLine(CLI::App& cli) : cli_(cli) {}

  CLI::App& cli() { return cli_; }
  // Adds "--db" and "--config" to a command; their values land in options().
  void AddStoreOptions(CLI::App* command);
  // What runs when `command` was the one given. The action returns the exit code.
  void OnRun(CLI::App* command, std::function<int()> action);

  // A string that lives as long as the command line, for an option's value.
  std::string& NewValue() { return values_.emplace_back(); }

  // Applies --db to options().overrides; call after parsing.
  CommonOptions& options();
  // The action of the parsed command; exit code 2 when none matched.
  int Run();

 private:
  CLI::App& cli_;
  CommonOptions options_;
  std::string db_;
  std::vector<std::pair<CLI::App*, std::function<int()>>> actions_;
  std::deque<std::string> values_;  // deque: references stay valid as it grows
};

void RegisterServe(CommandLine& line);
void RegisterMigrate(CommandLine& line);
void RegisterDemo(CommandLine& line);
void RegisterArticle(CommandLine& line);
void RegisterSource(CommandLine& line);
void RegisterOpml(CommandLine& line);
void RegisterIngest(CommandLine& line);
void RegisterExtract(CommandLine& line);
void RegisterFeed(CommandLine& line);
void RegisterUser(CommandLine& line);
void RegisterSpam(CommandLine& line);
void RegisterMedia(CommandLine& line);
void RegisterToken(CommandLine& line);
void RegisterBackup(CommandLine& line);

}  // namespace warta::app
