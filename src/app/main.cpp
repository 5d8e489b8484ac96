// The warta command line: one subcommand per job (docs/cli.md). Each command file registers
// itself (app/cli.h); main only lists them, parses and reports.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

#include "app/cli.h"
#include "app/cmd_db.h"
#include "app/doctor.h"

namespace {

int RunCommandLine(int argc, char** argv) {
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
  warta::app::RegisterSpam(line);
  warta::app::RegisterMedia(line);
  warta::app::RegisterToken(line);
  warta::app::RegisterBackup(line);
  warta::app::RegisterSettings(line);
  warta::app::RegisterDoctor(line);
  warta::app::RegisterDb(line);

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

  return line.Run();
}

// Nothing may escape main (std::terminate would lose the message): setting up the command
// line and the logger can throw too, e.g. std::bad_alloc.
void ReportUnexpected(const char* what) noexcept {
  std::fputs("warta: unexpected error: ", stderr);
  std::fputs(what, stderr);
  std::fputs("\n", stderr);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return RunCommandLine(argc, argv);
  } catch (const std::exception& e) {
    ReportUnexpected(e.what());
  } catch (...) {
    ReportUnexpected("unknown exception");
  }
  return 1;
}
