#include "ingest/scheduler/scheduler.h"

#include <spdlog/spdlog.h>

#include <exception>

#include "core/clock.h"
#include "storage/source_store.h"

namespace warta::ingest::scheduler {
namespace {

metrics::Labels SourceLabels(const model::Source& source) {
  return {{"source_id", std::to_string(source.id)}, {"source", source.DisplayName()}};
}

}  // namespace

IngestMetrics::IngestMetrics(metrics::Registry& registry)
    : registry_(registry),
      runs_(registry.GetCounter("warta_ingest_runs_total", "Ingest runs completed")),
      fetched_(registry.GetCounter("warta_ingest_fetches_total", "Feed fetches by result",
                                   {{"result", "fetched"}})),
      not_modified_(registry.GetCounter("warta_ingest_fetches_total", "Feed fetches by result",
                                        {{"result", "not_modified"}})),
      failed_(registry.GetCounter("warta_ingest_fetches_total", "Feed fetches by result",
                                  {{"result", "failed"}})),
      articles_(registry.GetCounter("warta_ingest_articles_total", "New articles stored")),
      duplicates_(
          registry.GetCounter("warta_ingest_duplicates_total", "Feed entries already stored")),
      clustered_(registry.GetCounter("warta_ingest_clustered_total",
                                     "New articles grouped with other reports of a story")),
      duration_(registry.GetHistogram("warta_ingest_run_duration_seconds", "Time of one ingest run",
                                      {0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300})),
      sources_total_(registry.GetGauge("warta_sources", "Feed sources", {{"state", "all"}})),
      sources_failing_(registry.GetGauge("warta_sources", "Feed sources", {{"state", "failing"}})),
      sources_disabled_(
          registry.GetGauge("warta_sources", "Feed sources", {{"state", "disabled"}})) {}

void IngestMetrics::RecordRun(const pipeline::RunSummary& summary, double seconds) {
  runs_->Add();
  fetched_->Add(static_cast<std::uint64_t>(summary.fetched));
  not_modified_->Add(static_cast<std::uint64_t>(summary.not_modified));
  failed_->Add(static_cast<std::uint64_t>(summary.failed));
  articles_->Add(static_cast<std::uint64_t>(summary.new_articles));
  duplicates_->Add(static_cast<std::uint64_t>(summary.duplicates));
  clustered_->Add(static_cast<std::uint64_t>(summary.clustered));
  duration_->Observe(seconds);
}

void IngestMetrics::RecordSources(const std::vector<model::Source>& sources) {
  std::int64_t failing = 0, disabled = 0;
  for (const model::Source& s : sources) {
    if (s.consecutive_errors > 0) ++failing;
    if (!s.enabled) ++disabled;
    const metrics::Labels labels = SourceLabels(s);
    registry_
        .GetGauge("warta_source_last_fetch_timestamp_seconds",
                  "Unix time of the source's last fetch attempt (0: never)", labels)
        ->Set(s.last_fetch_at);
    registry_
        .GetGauge("warta_source_last_success_timestamp_seconds",
                  "Unix time of the source's last successful fetch (0: never)", labels)
        ->Set(s.last_success_at);
    registry_.GetGauge("warta_source_last_status", "HTTP status of the last fetch", labels)
        ->Set(s.last_status);
    registry_
        .GetGauge("warta_source_consecutive_errors", "Failed fetches in a row (0: healthy)", labels)
        ->Set(s.consecutive_errors);
    registry_
        .GetGauge("warta_source_items_last_7d", "Articles stored from the source in 7 days", labels)
        ->Set(s.items_last_week);
    registry_.GetGauge("warta_source_enabled", "1 while the source is polled", labels)
        ->Set(s.enabled ? 1 : 0);
  }
  sources_total_->Set(static_cast<std::int64_t>(sources.size()));
  sources_failing_->Set(failing);
  sources_disabled_->Set(disabled);
}

Result<std::unique_ptr<Scheduler>> Scheduler::Create(storage::Store& store,
                                                     pipeline::PipelineOptions pipeline,
                                                     SchedulerOptions options,
                                                     metrics::Registry* registry) {
  const Clock* clock = pipeline.clock;
  WARTA_ASSIGN_OR_RETURN(auto created, pipeline::Pipeline::Create(store, std::move(pipeline)));
  return std::unique_ptr<Scheduler>(
      new Scheduler(store, std::move(created), *clock, options, registry));
}

Scheduler::Scheduler(storage::Store& store, std::unique_ptr<pipeline::Pipeline> pipeline,
                     const Clock& clock, SchedulerOptions options, metrics::Registry* registry)
    : store_(store), pipeline_(std::move(pipeline)), clock_(clock), options_(options) {
  if (registry != nullptr) metrics_ = std::make_unique<IngestMetrics>(*registry);
}

Scheduler::~Scheduler() { Stop(); }

void Scheduler::Start() {
  if (thread_.joinable()) return;
  stop_ = false;
  PublishSources();
  thread_ = std::thread([this] { Loop(); });
}

void Scheduler::Stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::Loop() {
  // A "fetch now" wakes the thread early; the scheduled runs keep their own rhythm.
  auto next_run = std::chrono::steady_clock::now();
  while (!stop_) {
    std::vector<std::int64_t> only;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_until(lock, next_run, [this] { return stop_.load() || !fetch_now_.empty(); });
      if (stop_) return;
      only.assign(fetch_now_.begin(), fetch_now_.end());
      fetch_now_.clear();
    }
    if (!only.empty()) {
      RunOnce(std::move(only));
      continue;
    }
    RunOnce();
    next_run = std::chrono::steady_clock::now() + options_.interval;
  }
}

Result<void> Scheduler::FetchNow(std::int64_t source_id) {
  WARTA_ASSIGN_OR_RETURN(model::Source source, store_.sources().FindById(source_id));
  if (!source.enabled) {
    return Error::InvalidArgument("ingest: source " + std::to_string(source_id) +
                                  " is disabled: enable it first");
  }
  const std::int64_t since = clock_.NowUnix() - source.last_fetch_at;
  const std::int64_t gap = options_.fetch_now_gap.count();
  if (source.last_fetch_at > 0 && since < gap) {
    Error error = Error::Unavailable("ingest: " + source.DisplayName() + " was fetched " +
                                     std::to_string(since) + " s ago; fetch it again in " +
                                     std::to_string(gap - since) + " s");
    error.user_key = "fetch_too_soon";
    return error;
  }
  {
    std::lock_guard lock(mutex_);
    fetch_now_.insert(source_id);
  }
  wake_.notify_all();
  return {};
}

void Scheduler::PublishSources() {
  if (!metrics_) return;
  auto sources = store_.sources().List(clock_.NowUnix());
  if (!sources.ok()) {
    spdlog::warn("ingest: source health not published: {}", sources.error().message);
    return;
  }
  metrics_->RecordSources(*sources);
}

void Scheduler::RunOnce(std::vector<std::int64_t> only) {
  // The thread must outlive anything a run throws: one bad cycle is logged, the next runs.
  try {
    if (options_.may_run && !options_.may_run()) {  // another node fetches
      // A "fetch now" that reached a node without the ingest lock waits for that node's next
      // scheduled run (docs/scaling.md); say so rather than drop it silently.
      if (!only.empty()) {
        spdlog::info("ingest: fetch now of {} source(s) left to the node that runs ingest",
                     only.size());
      }
      return;
    }
    const auto start = clock_.NowSteady();
    pipeline::RunOptions run;
    run.cancel = &stop_;
    run.only = std::move(only);
    auto summary = pipeline_->RunOnce(run);
    const double seconds = std::chrono::duration<double>(clock_.NowSteady() - start).count();
    ++runs_;
    if (!summary.ok()) {
      spdlog::error("ingest: run failed: {}", summary.error().ToString());
      return;
    }
    if (summary->sources > 0) {
      spdlog::info(
          "ingest: {} sources: {} fetched, {} not modified, {} failed; {} new articles, {} "
          "duplicates ({:.1f} s)",
          summary->sources, summary->fetched, summary->not_modified, summary->failed,
          summary->new_articles, summary->duplicates, seconds);
    }
    if (metrics_) metrics_->RecordRun(*summary, seconds);
    PublishSources();
  } catch (const std::exception& e) {
    spdlog::error("ingest: run failed: {}", e.what());
  }
}

}  // namespace warta::ingest::scheduler
