// `warta token create NAME [--label L] [--db D]`: a new Admin API token for the account NAME
// (author or above), printed alone on one line, once (CONTRACT §2). Only its hash is stored
// (auth/api_tokens.h); the creation is audited as the system.
#include <iostream>
#include <string>

#include "app/cli.h"
#include "app/commands.h"
#include "auth/api_tokens.h"
#include "auth/roles.h"
#include "core/clock.h"
#include "model/role.h"
#include "storage/token_store.h"
#include "storage/user_store.h"

namespace warta::app {
namespace {

constexpr std::size_t kMaxLabelBytes = 200;

int RunTokenCreate(const CommonOptions& options, const std::string& name,
                   const std::string& label) {
  if (label.size() > kMaxLabelBytes) {
    return Fail("token create: --label is longer than " + std::to_string(kMaxLabelBytes) +
                " bytes");
  }
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  storage::Store& store = *opened->store;
  auto user = store.users().FindByName(name);
  if (!user.ok()) return Fail("token create: " + user.error().message);
  if (!user->has_value()) return Fail("token create: no account named '" + name + "'");
  const model::User& account = **user;
  if (!auth::HasRole(account.role, model::Role::kAuthor)) {
    return Fail("token create: '" + account.name + "' is a " +
                std::string(model::ToText(account.role)) +
                "; an API token needs the author role or above");
  }
  if (account.banned_at != 0) return Fail("token create: '" + account.name + "' is banned");
  const std::int64_t now = UnixNow();
  auth::MintedToken minted = auth::MintApiToken();
  model::AuditEntry audit;
  audit.created_at = now;
  audit.action = "token.create";
  audit.target_type = "token";
  audit.summary =
      "for " + account.name + " by the command line" + (label.empty() ? "" : " (" + label + ")");
  auto id = store.tokens().Create(account.id, minted.hash, label, now, audit);
  if (!id.ok()) return Fail("token create: " + id.error().message);
  std::cout << minted.token << std::endl;
  return 0;
}

}  // namespace

void RegisterToken(CommandLine& line) {
  CLI::App* token = line.cli().add_subcommand("token", "Admin API tokens");
  token->require_subcommand(1);
  CLI::App* create = token->add_subcommand(
      "create", "Print a new Admin API token for an account (author or above), once");
  line.AddStoreOptions(create);
  std::string* name = &line.NewValue();
  std::string* label = &line.NewValue();
  create->add_option("NAME", *name, "The account the token acts as")->required();
  create->add_option("--label", *label, "What the token is for (shown in the admin)");
  line.OnRun(create,
             [&line, name, label] { return RunTokenCreate(line.options(), *name, *label); });
}

}  // namespace warta::app
