// `warta doctor`: what an operator checks before (re)starting the service, one finding per
// line with the fix for every problem (docs/deploy.md, "Checking an installation").
// The checks only read, except two that must act to know: the data and media folders get a
// temporary file (created, then removed) and the listening address is bound for an instant.
// The database is opened but never migrated, so doctor can run beside a serving warta.
#pragma once

#include <string>
#include <vector>

#include "config/config.h"

namespace warta::app {
class CommandLine;
// Adds `warta doctor` (cmd_doctor.cpp). Declared here, not in cli.h, which every command
// file includes.
void RegisterDoctor(CommandLine& line);
}  // namespace warta::app

namespace warta::app::doctor {

enum class Status { kOk, kWarn, kFail };

struct Finding {
  Status status = Status::kOk;
  std::string name;     // "database", "data folder", ...
  std::string message;  // what was found
  std::string fix;      // what to do; empty for kOk
};

// Where the configuration came from, for the messages' "fix:" lines ("--config FILE").
struct Invocation {
  std::string config_file;  // empty: no file given
};

// The checks of the file system and the clock: data folder, media folder, free disk, clock.
void CheckFiles(const config::Config& config, std::vector<Finding>& out);
// The checks of the network settings: the listening address, the public URL, the proxies.
void CheckNetwork(const config::Config& config, std::vector<Finding>& out);
// The database (reachable, schema current), the compiled-in templates and the site they
// build, and libvips (loads and renders a picture).
void CheckStoreAndSite(const config::Config& config, const Invocation& invocation,
                       std::vector<Finding>& out);

// The command a fix should run as the data's owner, e.g.
// "sudo -u warta warta migrate --config /etc/warta/warta.toml".
std::string CommandAsOwner(const config::Config& config, const Invocation& invocation,
                           const std::string& command);

// The SQLite database file the configuration names; empty for other backends.
std::string SqlitePath(const config::Config& config);

}  // namespace warta::app::doctor
