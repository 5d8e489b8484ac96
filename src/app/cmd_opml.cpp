// `warta opml import FILE` and `warta opml export`: sources in and out as OPML 2.0.
#include <iostream>

#include "app/cli.h"
#include "app/commands.h"
#include "ingest/fetcher/address_policy.h"
#include "ingest/opml/opml.h"
#include "storage/source_store.h"
#include "web/site.h"

namespace warta::app {
namespace {

// As `source add`: a host the fetcher would refuse is refused now (fetch.allow_private).
Result<std::int64_t> AddSource(storage::Store& store, const config::Config& config,
                               const model::NewSource& source) {
  if (!config.fetch.allow_private) {
    WARTA_RETURN_IF_ERROR(ingest::fetcher::CheckFeedUrlHost(source.url));
  }
  return store.sources().Add(source);
}

int RunImport(const CommonOptions& options, const std::string& path) {
  auto config = LoadConfig(options);
  if (!config.ok()) return Fail(config.error().ToString());
  auto bytes = ReadInputFile(path, ingest::opml::kMaxOpmlBytes, "opml");
  if (!bytes.ok()) return Fail(bytes.error().message);
  auto subs = ingest::opml::ParseOpml(*bytes);
  if (!subs.ok()) return Fail(path + ": " + subs.error().message);
  auto store = OpenMigratedStore(config.value());
  if (!store.ok()) return Fail(store.error().ToString());
  int added = 0, present = 0, skipped = subs->skipped;
  for (const model::NewSource& source : subs->sources) {
    auto id = AddSource(*store.value(), config.value(), source);
    if (id.ok()) {
      ++added;
    } else if (id.error().code == ErrorCode::kAlreadyExists) {
      ++present;
    } else if (id.error().code == ErrorCode::kInvalidArgument ||
               id.error().code == ErrorCode::kTooLarge) {
      ++skipped;
      std::cerr << "warta: opml: skipped " << source.url.substr(0, 200) << ": "
                << id.error().message << "\n";
    } else {
      return Fail(id.error().ToString());
    }
  }
  std::cout << "opml: imported " << added << " sources (" << present << " already present, "
            << skipped << " skipped)\n";
  return 0;
}

int RunExport(const CommonOptions& options) {
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  auto sources = opened->store->sources().List(UnixNow());
  if (!sources.ok()) return Fail(sources.error().ToString());
  // The site's name as serve shows it: the database's, not the configuration's default.
  auto site = web::ResolveSiteSettings(opened->config, opened->store->settings());
  if (!site.ok()) return Fail(site.error().ToString());
  std::cout << ingest::opml::WriteOpml(*sources, site->name, UnixNow());
  return 0;
}

}  // namespace

void RegisterOpml(CommandLine& line) {
  CLI::App* opml = line.cli().add_subcommand("opml", "Sources in and out as OPML 2.0");
  opml->require_subcommand(1);
  CLI::App* import = opml->add_subcommand("import", "Add the feeds of an OPML file");
  line.AddStoreOptions(import);
  std::string* file = &line.NewValue();
  import->add_option("file", *file, "OPML file ('-' for stdin)")->required();
  line.OnRun(import, [&line, file] { return RunImport(line.options(), *file); });
  CLI::App* export_command = opml->add_subcommand("export", "Print every source as OPML 2.0");
  line.AddStoreOptions(export_command);
  line.OnRun(export_command, [&line] { return RunExport(line.options()); });
}

}  // namespace warta::app
