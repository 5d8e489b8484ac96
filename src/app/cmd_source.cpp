// `warta source add|set|list|reextract`: feed sources, their settings and their health.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/cli.h"
#include "app/commands.h"
#include "app/ingest_setup.h"
#include "core/rfc3339.h"
#include "ingest/feed/date/date.h"
#include "ingest/fetcher/address_policy.h"
#include "model/source.h"
#include "storage/source_store.h"

namespace warta::app {
namespace {

// The options of `source add` land in the new source itself; --disabled is its `enabled` negated.
struct AddFlags {
  model::NewSource source;
  bool disabled = false;
};

// Only what was given on the command line changes.
struct SetFlags {
  std::int64_t id = 0;
  std::optional<std::string> name;
  std::optional<std::string> lang;
  std::optional<std::string> time_zone;
  std::optional<std::string> category;
  std::optional<int> refresh_minutes;
  std::optional<bool> full_text;
  std::optional<model::CanonicalPolicy> canonical;
  std::optional<bool> review;
  bool enable = false;
  bool disable = false;
};

// A zone name the date parser knows: an unknown one would silently read dates as UTC.
Result<void> CheckTimeZone(const std::string& zone) {
  if (zone.empty() || zone == "UTC" || zone == "Etc/UTC") return Ok();
  if (!ingest::feed::date::TimeZone(zone).is_utc()) return Ok();
  return MakeError(ErrorCode::kInvalidArgument,
                   "time_zone: unknown time zone \"" + zone + "\" (an IANA name like Asia/Tokyo)");
}

const char* State(const model::Source& s) {
  if (!s.enabled) return "disabled";
  if (s.last_fetch_at == 0) return "new";
  return s.consecutive_errors > 0 ? "failing" : "ok";
}

std::string When(std::int64_t t) { return t == 0 ? "never" : FormatRfc3339Utc(t); }

nlohmann::json SourceJson(const model::Source& s) {
  return {{"id", s.id},
          {"url", s.url},
          {"name", s.DisplayName()},
          {"site_url", s.site_url},
          {"category", s.category},
          {"lang", s.lang},
          {"time_zone", s.time_zone},
          {"refresh_minutes", s.refresh_minutes},
          {"full_text", s.full_text},
          {"canonical", model::CanonicalPolicyName(s.canonical)},
          {"review", s.review},
          {"enabled", s.enabled},
          {"state", State(s)},
          {"last_fetch_at", s.last_fetch_at},
          {"last_success_at", s.last_success_at},
          {"next_fetch_at", s.next_fetch_at},
          {"last_status", s.last_status},
          {"last_error", s.last_error},
          {"consecutive_errors", s.consecutive_errors},
          {"items_total", s.items_total},
          {"items_per_day", s.ItemsPerDay()},
          {"etag", s.etag},
          {"last_modified", s.last_modified}};
}

int RunSourceAdd(const CommonOptions& options, const AddFlags& flags) {
  auto config = LoadConfig(options);
  if (!config.ok()) return Fail(config.error().ToString());
  model::NewSource source = flags.source;
  source.enabled = !flags.disabled;
  auto valid = model::ValidateNewSource(source);
  if (valid.ok()) valid = CheckTimeZone(source.time_zone);
  // The fetcher would refuse it at every fetch: refuse it now (fetch.allow_private opts in).
  if (valid.ok() && !config->fetch.allow_private) {
    valid = ingest::fetcher::CheckFeedUrlHost(source.url);
  }
  if (!valid.ok()) return Fail(valid.error().message);
  auto store = OpenMigratedStore(config.value());
  if (!store.ok()) return Fail(store.error().ToString());
  auto id = store.value()->sources().Add(source);
  if (!id.ok()) return Fail(id.error().message);
  std::cout << nlohmann::json{{"id", id.value()}, {"url", source.url}}.dump() << "\n";
  return 0;
}

int RunSourceSet(const CommonOptions& options, const SetFlags& flags) {
  if (flags.enable && flags.disable) return Fail("--enable and --disable exclude each other");
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  storage::SourceStore& sources = opened->store->sources();
  auto current = sources.FindById(flags.id);
  if (!current.ok()) return Fail(current.error().message);
  const model::Source& s = current.value();
  model::NewSource settings{s.url,       s.name,     s.site_url,        s.lang,
                            s.time_zone, s.category, s.refresh_minutes, s.full_text,
                            s.enabled};
  if (flags.name) settings.name = *flags.name;
  if (flags.lang) settings.lang = *flags.lang;
  if (flags.time_zone) settings.time_zone = *flags.time_zone;
  if (flags.category) settings.category = *flags.category;
  if (flags.refresh_minutes) settings.refresh_minutes = *flags.refresh_minutes;
  if (flags.full_text) settings.full_text = *flags.full_text;
  settings.canonical = flags.canonical.value_or(s.canonical);
  settings.review = flags.review.value_or(s.review);
  if (flags.enable) settings.enabled = true;  // also how a source disabled by 410 comes back
  if (flags.disable) settings.enabled = false;
  auto valid = model::ValidateNewSource(settings);
  if (valid.ok()) valid = CheckTimeZone(settings.time_zone);
  if (!valid.ok()) return Fail(valid.error().message);
  auto updated = sources.UpdateSettings(flags.id, settings);
  if (!updated.ok()) return Fail(updated.error().message);
  auto after = sources.FindById(flags.id);
  if (!after.ok()) return Fail(after.error().message);
  std::cout << SourceJson(after.value()).dump() << "\n";
  return 0;
}

void PrintTable(const std::vector<model::Source>& sources) {
  std::printf("%-4s %-24s %-8s %-20s %-4s %-4s %7s %7s  %s\n", "ID", "NAME", "STATE", "LAST FETCH",
              "HTTP", "ERR", "ITEMS/D", "TOTAL", "URL");
  for (const model::Source& s : sources) {
    std::string name = s.DisplayName();
    if (name.size() > 24) name = name.substr(0, 23) + "~";
    std::printf("%-4lld %-24s %-8s %-20s %-4d %-4d %7.1f %7lld  %s\n", static_cast<long long>(s.id),
                name.c_str(), State(s), When(s.last_fetch_at).c_str(), s.last_status,
                s.consecutive_errors, s.ItemsPerDay(), static_cast<long long>(s.items_total),
                s.url.c_str());
    if (!s.last_error.empty()) std::printf("     error: %s\n", s.last_error.c_str());
  }
}

int RunSourceList(const CommonOptions& options, bool json) {
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  auto sources = opened->store->sources().List(UnixNow());
  if (!sources.ok()) return Fail(sources.error().ToString());
  if (json) {
    nlohmann::json list = nlohmann::json::array();
    for (const model::Source& s : *sources) list.push_back(SourceJson(s));
    std::cout << nlohmann::json{{"sources", list}}.dump(2) << "\n";
  } else {
    PrintTable(*sources);
  }
  return 0;
}

int RunSourceReextract(const CommonOptions& options, std::int64_t id, int limit) {
  auto opened = OpenConfiguredStore(options);
  if (!opened.ok()) return Fail(opened.error().ToString());
  auto pipeline =
      ingest::pipeline::Pipeline::Create(*opened->store, PipelineOptionsFrom(opened->config));
  if (!pipeline.ok()) return Fail(pipeline.error().ToString());
  auto summary = pipeline.value()->Reextract(id, limit);
  if (!summary.ok()) return Fail(summary.error().message);
  std::cout << "reextract: " << summary->articles << " articles, " << summary->updated
            << " updated, " << summary->unchanged << " unchanged\n";
  return 0;
}

const std::map<std::string, model::CanonicalPolicy> kCanonicalNames = {
    {"self", model::CanonicalPolicy::kSelf}, {"original", model::CanonicalPolicy::kOriginal}};
constexpr const char* kCanonicalHelp =
    "What its articles' pages name as canonical: self (this site, default) or original (the "
    "outlet's article; such pages also stay out of the sitemaps)";

}  // namespace

void RegisterSource(CommandLine& line) {
  CLI::App* source = line.cli().add_subcommand("source", "Manage feed sources");
  source->require_subcommand(1);

  CLI::App* add = source->add_subcommand("add", "Register a feed source");
  line.AddStoreOptions(add);
  auto flags = std::make_shared<AddFlags>();
  add->add_option("url", flags->source.url, "Feed URL (http or https)")->required();
  add->add_option("--name", flags->source.name, "Display name, shown as the articles' source");
  add->add_option("--lang", flags->source.lang,
                  "Language of the source (e.g. ja); default: detected");
  add->add_option("--time-zone", flags->source.time_zone,
                  "IANA zone for dates without one (e.g. Asia/Tokyo)");
  add->add_option("--category", flags->source.category, "Category path, e.g. News/Japan");
  add->add_option("--refresh-minutes", flags->source.refresh_minutes,
                  "Minutes between fetches (default: fetch.default_refresh_minutes)")
      ->check(CLI::Range(0, model::kMaxRefreshMinutes));
  add->add_flag("--full-text", flags->source.full_text,
                "Fetch each article's page for its full text");
  add->add_flag("--disabled", flags->disabled, "Add without fetching it yet");
  add->add_flag("--review", flags->source.review,
                "Hold new items in the newsroom's inbox instead of publishing them");
  add->add_option("--canonical", flags->source.canonical, kCanonicalHelp)
      ->transform(CLI::CheckedTransformer(kCanonicalNames));
  line.OnRun(add, [&line, flags] { return RunSourceAdd(line.options(), *flags); });

  CLI::App* set = source->add_subcommand("set", "Change a source's settings");
  line.AddStoreOptions(set);
  auto changes = std::make_shared<SetFlags>();
  set->add_option("id", changes->id, "Source id (see 'warta source list')")->required();
  set->add_option("--name", changes->name, "Display name (\"\" for the feed's own title)");
  set->add_option("--lang", changes->lang, "Language of the source (\"\" to detect)");
  set->add_option("--time-zone", changes->time_zone, "IANA zone for dates without one");
  set->add_option("--category", changes->category, "Category path, e.g. News/Japan");
  set->add_option("--refresh-minutes", changes->refresh_minutes,
                  "Minutes between fetches (0: fetch.default_refresh_minutes)")
      ->check(CLI::Range(0, model::kMaxRefreshMinutes));
  set->add_option("--full-text", changes->full_text, "Fetch each article's page: on or off")
      ->transform(
          CLI::CheckedTransformer(std::map<std::string, bool>{{"on", true}, {"off", false}}));
  set->add_option("--canonical", changes->canonical, kCanonicalHelp)
      ->transform(CLI::CheckedTransformer(kCanonicalNames));
  set->add_option("--review", changes->review,
                  "Hold new items for an editor (on) or publish them at once (off)")
      ->transform(
          CLI::CheckedTransformer(std::map<std::string, bool>{{"on", true}, {"off", false}}));
  set->add_flag("--enable", changes->enable, "Fetch it again (after --disable or a 410 Gone)");
  set->add_flag("--disable", changes->disable, "Stop fetching it; its articles stay");
  line.OnRun(set, [&line, changes] { return RunSourceSet(line.options(), *changes); });

  CLI::App* list = source->add_subcommand("list", "Sources with their health");
  line.AddStoreOptions(list);
  auto json = std::make_shared<bool>(false);
  list->add_flag("--json", *json, "Print JSON instead of a table");
  line.OnRun(list, [&line, json] { return RunSourceList(line.options(), *json); });

  CLI::App* reextract =
      source->add_subcommand("reextract", "Re-run full-text extraction on a source's articles");
  line.AddStoreOptions(reextract);
  auto id = std::make_shared<std::int64_t>(0);
  auto limit = std::make_shared<int>(20);
  reextract->add_option("id", *id, "Source id (see 'warta source list')")->required();
  reextract->add_option("--limit", *limit, "Newest articles to re-extract (default 20)")
      ->check(CLI::Range(1, 1000));
  line.OnRun(reextract,
             [&line, id, limit] { return RunSourceReextract(line.options(), *id, *limit); });
}

}  // namespace warta::app
