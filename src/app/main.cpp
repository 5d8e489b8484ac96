// The warta command line: one subcommand per job (CONTRACT §2). Each command file registers
// itself (app/cli.h); main only lists them, parses and reports.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/cli.h"

int main(int argc, char** argv) {
  CLI::App cli{"warta: a self-hosted news portal and aggregator", "warta"};
  cli.require_subcommand(1);
  cli.set_help_all_flag("--help-all", "Show help for every command");
  warta::app::CommandLine line(cli);
  warta::app::RegisterServe(line);
  warta::app::RegisterMigrate(line);
  warta::app::RegisterDemo(line);
  warta::app::RegisterArticle(line);
  warta::app::RegisterSource(line);
  warta::app::RegisterOpml(line);
  warta::app::RegisterIngest(line);
  warta::app::RegisterExtract(line);
  warta::app::RegisterFeed(line);
  warta::app::RegisterUser(line);

  try {
    cli.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return cli.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return cli.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "warta: " << e.what() << " (see 'warta --help')\n";
    return 2;
  }
  // Logs go to stderr: stdout is for command output (article add prints JSON there).
  spdlog::set_default_logger(spdlog::stderr_color_mt("warta"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");

  try {
    return line.Run();
  } catch (const std::exception& e) {
    std::cerr << "warta: unexpected error: " << e.what() << "\n";
    return 1;
  }
}
