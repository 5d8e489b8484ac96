// `warta user add NAME --role reader|author|moderator|editor|admin [--db D]`: creates an
// account. --role becomes a model::Role here.
// The password is read from stdin (its first line), never from the command line, where
// other users of the machine could see it in the process list.
#include <termios.h>
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

#include "app/cli.h"
#include "app/commands.h"
#include "auth/accounts.h"
#include "auth/password.h"
#include "auth/sessions.h"
#include "core/clock.h"
#include "model/role.h"
#include "storage/session_store.h"
#include "storage/user_store.h"

namespace warta::app {
namespace {

// Turns terminal echo off while it lives, when stdin is a terminal.
class NoEcho {
 public:
  NoEcho() {
    if (isatty(STDIN_FILENO) == 0 || tcgetattr(STDIN_FILENO, &saved_) != 0) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~NoEcho() {
    if (active_) {
      tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
      std::cerr << "\n";
    }
  }
  NoEcho(const NoEcho&) = delete;
  NoEcho& operator=(const NoEcho&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

Result<std::string> ReadPassword() {
  if (isatty(STDIN_FILENO) != 0) std::cerr << "Password: " << std::flush;
  std::string line;
  {
    NoEcho quiet;
    if (!std::getline(std::cin, line)) {
      return MakeError(ErrorCode::kInvalidArgument, "user add: no password on stdin");
    }
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

int RunUserAdd(const CommonOptions& options, const std::string& name, const std::string& role) {
  auto parsed_role = model::ParseRole(role);
  if (!parsed_role) {
    return Fail("user add: unknown role '" + role +
                "' (reader, author, moderator, editor or admin)");
  }
  auto password = ReadPassword();
  if (!password.ok()) return Fail(password.error().message);
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  auth::PasswordHasher hasher;
  auth::SessionManager sessions(opened->store->sessions(), auth::SessionOptions{});
  auth::Accounts accounts(opened->store->users(), hasher, sessions, auth::AccountLimits{},
                          SystemClock::Get());
  auto user = accounts.Create(name, *password, *parsed_role);
  if (!user.ok()) return Fail("user add: " + user.error().message);
  nlohmann::json out = {
      {"id", user->id}, {"name", user->name}, {"role", std::string(model::ToText(user->role))}};
  std::cout << out.dump() << std::endl;
  return 0;
}

}  // namespace

void RegisterUser(CommandLine& line) {
  CLI::App* user = line.cli().add_subcommand("user", "Manage accounts");
  user->require_subcommand(1);
  CLI::App* add = user->add_subcommand(
      "add", "Create an account; the password is read from stdin (first line)");
  line.AddStoreOptions(add);
  std::string* name = &line.NewValue();
  std::string* role = &line.NewValue();
  *role = std::string(model::ToText(model::Role::kReader));
  add->add_option("NAME", *name, "User name: 3-40 of a-z A-Z 0-9 _ - .")->required();
  add->add_option("--role", *role, "reader, author, moderator, editor or admin (default reader)");
  line.OnRun(add, [&line, name, role] { return RunUserAdd(line.options(), *name, *role); });
}

}  // namespace warta::app
