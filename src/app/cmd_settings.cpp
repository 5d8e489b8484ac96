// `warta settings get [KEY]` and `warta settings set KEY VALUE`: the site's settings as the
// database keeps them (web/site.h), the same ones serve and the admin use. The configuration
// only gives a key's first value; `get` stores that first value when the key is missing, so
// what it prints is what serve shows. A running serve picks up a `set` at its next start (the
// admin's PATCH /api/v1/admin/settings applies at once).
#include <iostream>

#include "app/cli.h"
#include "app/commands.h"
#include "storage/audit_store.h"
#include "storage/settings_store.h"
#include "web/site.h"

namespace warta::app {
namespace {

// "site.name" or "name": the settings key, or "" when it names none.
std::string KeyOf(const std::string& name) {
  for (std::string_view key : web::SiteSettingKeys()) {
    if (name == key || "site." + name == key) return std::string(key);
  }
  return "";
}

std::string KnownKeys() {
  std::string out;
  for (std::string_view key : web::SiteSettingKeys())
    out += (out.empty() ? "" : ", ") + std::string(key);
  return out;
}

int RunGet(const CommonOptions& options, const std::string& name) {
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  const std::string wanted = name.empty() ? "" : KeyOf(name);
  if (!name.empty() && wanted.empty()) {
    return Fail("settings: unknown key '" + name + "' (one of: " + KnownKeys() + ")");
  }
  // Seeds missing keys from the configuration, exactly as serve does.
  auto resolved = web::ResolveSiteSettings(opened->config, opened->store->settings());
  if (!resolved.ok()) return Fail(resolved.error().ToString());
  for (std::string_view key : web::SiteSettingKeys()) {
    if (!wanted.empty() && key != wanted) continue;
    auto stored = opened->store->settings().Get(std::string(key));
    if (!stored.ok()) return Fail(stored.error().ToString());
    if (wanted.empty()) {
      std::cout << key << " = " << stored->value_or("") << "\n";
    } else {
      std::cout << stored->value_or("") << "\n";
    }
  }
  return 0;
}

int RunSet(const CommonOptions& options, const std::string& name, const std::string& value) {
  const std::string key = KeyOf(name);
  if (key.empty())
    return Fail("settings: unknown key '" + name + "' (one of: " + KnownKeys() + ")");
  if (auto checked = web::CheckSiteSetting(key, value); !checked.ok()) {
    return Fail(checked.error().message);
  }
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  if (auto set = opened->store->settings().Set(key, value); !set.ok()) {
    return Fail(set.error().ToString());
  }
  model::AuditEntry audit;
  audit.created_at = UnixNow();
  audit.action = "settings.update";
  audit.target_type = "settings";
  audit.summary = key + " by the command line";
  (void)opened->store->audit().Append(audit);
  std::cout << key << " = " << value << "\n";
  return 0;
}

}  // namespace

void RegisterSettings(CommandLine& line) {
  CLI::App* settings = line.cli().add_subcommand("settings", "The site's settings in the database");
  settings->require_subcommand(1);
  CLI::App* get = settings->add_subcommand("get", "Print every site setting, or one");
  line.AddStoreOptions(get);
  std::string* get_key = &line.NewValue();
  get->add_option("KEY", *get_key, "A key such as site.name (or name)");
  line.OnRun(get, [&line, get_key] { return RunGet(line.options(), *get_key); });
  CLI::App* set = settings->add_subcommand("set", "Store one site setting (checked first)");
  line.AddStoreOptions(set);
  std::string* set_key = &line.NewValue();
  std::string* set_value = &line.NewValue();
  set->add_option("KEY", *set_key, "A key such as site.name (or name)")->required();
  set->add_option("VALUE", *set_value,
                  "The value; lists are JSON, e.g. '[\"id\",\"en\"]' or "
                  "'[{\"label\":\"Kontak\",\"url\":\"/halaman/kontak\"}]'")
      ->required();
  line.OnRun(set,
             [&line, set_key, set_value] { return RunSet(line.options(), *set_key, *set_value); });
}

}  // namespace warta::app
