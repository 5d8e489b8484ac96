// The warta command line: one subcommand per job (CONTRACT §2). Parsing only; each command
// lives in its own file.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>

#include "app/commands.h"

namespace {

using warta::app::CommonOptions;

// --db / --config on every command that uses the database.
void AddStoreOptions(CLI::App* command, CommonOptions& options, std::string& db) {
  command->add_option("--db", db,
                      "Database: sqlite:PATH (default sqlite:data/warta.db) or postgresql://...");
  command->add_option("--config", options.config_file, "TOML configuration file");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"warta: a self-hosted news portal and aggregator", "warta"};
  cli.require_subcommand(1);
  cli.set_help_all_flag("--help-all", "Show help for every command");
  CommonOptions options;
  std::string db;
  std::string listen;
  std::string json_file;

  CLI::App* serve = cli.add_subcommand("serve", "Serve the portal over HTTP");
  AddStoreOptions(serve, options, db);
  serve->add_option("--listen", listen, "HOST:PORT to listen on (default 127.0.0.1:8080)");
  CLI::App* migrate = cli.add_subcommand("migrate", "Create or upgrade the database schema");
  AddStoreOptions(migrate, options, db);
  CLI::App* demo = cli.add_subcommand("demo", "Load the demo site \"Media Jepang\"");
  AddStoreOptions(demo, options, db);
  CLI::App* article = cli.add_subcommand("article", "Manage articles");
  article->require_subcommand(1);
  CLI::App* article_add = article->add_subcommand("add", "Add one article from a JSON file");
  AddStoreOptions(article_add, options, db);
  article_add->add_option("--json", json_file, "Article JSON file ('-' for stdin)")->required();

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
  if (!db.empty()) options.overrides["db.url"] = db;
  if (!listen.empty()) options.overrides["server.listen"] = listen;
  // Logs go to stderr: stdout is for command output (article add prints JSON there).
  spdlog::set_default_logger(spdlog::stderr_color_mt("warta"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");

  try {
    if (serve->parsed()) return warta::app::RunServe(options);
    if (migrate->parsed()) return warta::app::RunMigrate(options);
    if (demo->parsed()) return warta::app::RunDemo(options);
    if (article_add->parsed()) return warta::app::RunArticleAdd(options, json_file);
  } catch (const std::exception& e) {
    std::cerr << "warta: unexpected error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
