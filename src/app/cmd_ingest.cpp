// `warta ingest --once`: fetch every due source once, store new articles, print a summary.
// Without --once it keeps going in the foreground (the scheduler of `warta serve`, without
// the web server) until SIGTERM or SIGINT.
#include <pthread.h>
#include <signal.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <iostream>

#include "app/cli.h"
#include "app/commands.h"
#include "app/ingest_setup.h"
#include "app/media_setup.h"
#include "ingest/scheduler/scheduler.h"

namespace warta::app {
namespace {

constexpr int kBarWidth = 30;

// A one-line progress bar on stderr, drawn only on a terminal (logs and pipes stay clean).
class ProgressBar {
 public:
  ProgressBar() : enabled_(isatty(STDERR_FILENO) == 1) {}
  void Update(const ingest::pipeline::Progress& p) {
    if (!enabled_ || p.total == 0) return;
    const auto filled = static_cast<int>(p.done * kBarWidth / p.total);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(kBarWidth, '.');
    std::string name = p.source.substr(0, 40);
    std::cerr << "\r\033[K[" << bar << "] " << p.done << "/" << p.total << " " << name
              << std::flush;
  }
  void Finish() {
    if (enabled_) std::cerr << "\r\033[K" << std::flush;
  }

 private:
  bool enabled_;
};

std::string SummaryLine(const ingest::pipeline::RunSummary& s) {
  return "ingest: " + std::to_string(s.sources) + " sources: " + std::to_string(s.fetched) +
         " fetched, " + std::to_string(s.not_modified) + " not modified, " +
         std::to_string(s.failed) + " failed; " + std::to_string(s.new_articles) +
         " new articles, " + std::to_string(s.duplicates) + " duplicates (" +
         std::to_string(s.clustered) + " clustered, " + std::to_string(s.full_text) + " full text)";
}

// The pipeline's options with the media library, which takes in feed pictures; without one
// (no media.dir for this database) articles come in without pictures.
ingest::pipeline::PipelineOptions OptionsWithPictures(
    const config::Config& config, storage::Store& store,
    std::unique_ptr<media::MediaLibrary>& library) {
  ingest::pipeline::PipelineOptions options = PipelineOptionsFrom(config);
  auto opened = OpenMediaLibrary(config, store);
  if (opened.ok()) {
    library = std::move(opened).value();
    options.pictures = library.get();
  } else {
    spdlog::warn("ingest: feed pictures are not taken in: {}", opened.error().ToString());
  }
  return options;
}

int RunOnce(const config::Config& config, storage::Store& store, bool force) {
  std::unique_ptr<media::MediaLibrary> library;
  auto pipeline =
      ingest::pipeline::Pipeline::Create(store, OptionsWithPictures(config, store, library));
  if (!pipeline.ok()) return Fail(pipeline.error().ToString());
  // The command prints each failed source itself, below the bar: per-source log lines
  // would say the same twice.
  if (spdlog::get_level() < spdlog::level::err) spdlog::set_level(spdlog::level::err);
  ProgressBar bar;
  ingest::pipeline::RunOptions run;
  run.force = force;
  run.on_progress = [&bar](const ingest::pipeline::Progress& p) { bar.Update(p); };
  auto summary = pipeline.value()->RunOnce(run);
  bar.Finish();
  if (!summary.ok()) return Fail(summary.error().ToString());
  for (const std::string& error : summary->errors) std::cerr << "warta: " << error << "\n";
  std::cout << SummaryLine(*summary) << std::endl;
  return 0;
}

int RunForever(const config::Config& config, storage::Store& store) {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  ingest::scheduler::SchedulerOptions options;
  options.interval = std::chrono::seconds(config.ingest.interval_seconds);
  std::unique_ptr<media::MediaLibrary> library;
  auto scheduler = ingest::scheduler::Scheduler::Create(
      store, OptionsWithPictures(config, store, library), options, nullptr);
  if (!scheduler.ok()) return Fail(scheduler.error().ToString());
  scheduler.value()->Start();
  std::cerr << "warta: ingesting every " << config.ingest.interval_seconds << " s; Ctrl-C to stop"
            << std::endl;
  int signal_number = 0;
  sigwait(&set, &signal_number);
  scheduler.value()->Stop();
  return 0;
}

int RunIngest(const CommonOptions& options, bool once, bool force) {
  auto config = LoadConfig(options);
  if (!config.ok()) return Fail(config.error().ToString());
  spdlog::set_level(spdlog::level::from_str(config->log.level));
  auto store = OpenMigratedStore(config.value());
  if (!store.ok()) return Fail(store.error().ToString());
  if (once) return RunOnce(config.value(), *store.value(), force);
  return RunForever(config.value(), *store.value());
}

}  // namespace

void RegisterIngest(CommandLine& line) {
  CLI::App* ingest = line.cli().add_subcommand("ingest", "Fetch feeds and store new articles");
  line.AddStoreOptions(ingest);
  auto once = std::make_shared<bool>(false);
  auto force = std::make_shared<bool>(false);
  ingest->add_flag("--once", *once, "Fetch every due source once, print a summary and exit");
  ingest->add_flag("--force", *force, "Fetch every enabled source, due or not");
  line.OnRun(ingest, [&line, once, force] { return RunIngest(line.options(), *once, *force); });
}

}  // namespace warta::app
