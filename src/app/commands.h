// One function per CLI command (one file each). main.cpp parses the command line with
// CLI11 and calls these; each returns the process exit code and prints its own one-line
// error on failure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

#include "config/config.h"
#include "core/clock.h"  // UnixNow, for the commands
#include "core/result.h"
#include "model/article.h"
#include "storage/store.h"

namespace warta::app {

// What every command that touches the database gets from the command line.
struct CommonOptions {
  std::string config_file;
  config::Overrides overrides;  // "db.url", "server.listen", ...
};

int RunServe(const CommonOptions& options);
int RunMigrate(const CommonOptions& options);
int RunDemo(const CommonOptions& options);
// The demo site plus `articles` generated ones (app/cmd_demo_generate.cpp).
int RunDemoGenerate(const CommonOptions& options, std::int64_t articles, std::uint64_t seed);
int RunArticleAdd(const CommonOptions& options, const std::string& json_file);

// Helpers shared by the commands.
Result<config::Config> LoadConfig(const CommonOptions& options);
// Opens the store named by the config and brings its schema up to date.
Result<std::unique_ptr<storage::Store>> OpenMigratedStore(const config::Config& config);
// A command's configuration and the migrated store it names.
struct ConfiguredStore {
  config::Config config;
  std::unique_ptr<storage::Store> store;
};
// LoadConfig, then OpenMigratedStore: the first error of the two.
Result<ConfiguredStore> OpenConfiguredStore(const CommonOptions& options);
// The site's signing secret from the settings table, created on first use.
Result<std::string> SigningSecret(storage::SettingsStore& settings);
// Sanitizes the body, derives the slug, fills "now" for a missing date, validates, inserts.
Result<std::int64_t> AddArticle(storage::Store& store, model::NewArticle article,
                                const std::string& base_url);
// Prints "warta: <message>" to stderr and returns exit code 1.
int Fail(const std::string& message);
// What is left of `in`, if it is at most max_bytes; else TooLarge
// "<module>: <name> is larger than <max_bytes> bytes". Reads one byte more than the limit.
Result<std::string> ReadAtMost(std::istream& in, std::size_t max_bytes, std::string_view module,
                               const std::string& name);
// The file at `path` ("-" for stdin) through ReadAtMost; Io "<module>: cannot read '<path>'".
Result<std::string> ReadInputFile(const std::string& path, std::size_t max_bytes,
                                  std::string_view module);

}  // namespace warta::app
