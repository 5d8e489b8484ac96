// The background ingest inside `warta serve`: one thread that runs the pipeline over the
// due sources every interval, and publishes source health to /metrics.
//
// Stop() is prompt: it cancels running fetches (they end with "cancelled" and their sources
// stay due) and joins the thread; no source is marked failed because of a shutdown.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "core/result.h"
#include "ingest/pipeline/pipeline.h"
#include "metrics/metrics.h"
#include "model/source.h"
#include "storage/store.h"

namespace warta::ingest::scheduler {

struct SchedulerOptions {
  std::chrono::milliseconds interval{60'000};  // between the end of a run and the next
  // "Fetch now" is refused while the source's last fetch is younger than this: an editor's
  // clicks must not make warta a rude client of the outlet (the fetcher's per-host limits
  // apply besides).
  std::chrono::seconds fetch_now_gap{30};
  // Several nodes: whether this node fetches now (it holds the cluster's ingest lock;
  // app/cluster.h). Asked before each run; a node that does not hold it skips the run, so
  // one node fetches every source and another takes over when it dies. Empty: always.
  std::function<bool()> may_run = {};
};

// Source health and ingest totals as Prometheus series (see scheduler.cpp for the names).
class IngestMetrics {
 public:
  explicit IngestMetrics(metrics::Registry& registry);
  void RecordRun(const pipeline::RunSummary& summary, double seconds);
  // Per-source gauges from the store's current view of every source.
  void RecordSources(const std::vector<model::Source>& sources);

 private:
  metrics::Registry& registry_;
  metrics::Counter* runs_;
  metrics::Counter* fetched_;
  metrics::Counter* not_modified_;
  metrics::Counter* failed_;
  metrics::Counter* articles_;
  metrics::Counter* duplicates_;
  metrics::Counter* clustered_;
  metrics::Histogram* duration_;
  metrics::Gauge* sources_total_;
  metrics::Gauge* sources_failing_;
  metrics::Gauge* sources_disabled_;
};

class Scheduler {
 public:
  // Creates the pipeline (fetcher) now, so bad options fail at start. The pipeline's clock
  // (PipelineOptions::clock) also dates the health gauges and times the runs; the interval
  // between runs is real time.
  static Result<std::unique_ptr<Scheduler>> Create(storage::Store& store,
                                                   pipeline::PipelineOptions pipeline,
                                                   SchedulerOptions options,
                                                   metrics::Registry* registry);
  ~Scheduler();  // stops
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  void Start();
  void Stop();

  std::uint64_t runs() const { return runs_.load(); }

  // Fetches one source on the ingest thread as soon as it is free, outside the source's
  // schedule (its health shows the outcome). NotFound for an unknown source; InvalidArgument
  // for a disabled one; Unavailable ("fetch_too_soon") within fetch_now_gap of its last fetch.
  // A source asked for twice before its fetch runs is fetched once.
  Result<void> FetchNow(std::int64_t source_id);

 private:
  Scheduler(storage::Store& store, std::unique_ptr<pipeline::Pipeline> pipeline, const Clock& clock,
            SchedulerOptions options, metrics::Registry* registry);
  void Loop();
  // only: the sources "fetch now" asked for; empty: every due source.
  void RunOnce(std::vector<std::int64_t> only = {});
  // The per-source gauges from the store (a failure to read it is logged).
  void PublishSources();

  storage::Store& store_;
  std::unique_ptr<pipeline::Pipeline> pipeline_;
  const Clock& clock_;
  SchedulerOptions options_;
  std::unique_ptr<IngestMetrics> metrics_;
  std::atomic<bool> stop_{false};
  std::atomic<std::uint64_t> runs_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::set<std::int64_t> fetch_now_;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace warta::ingest::scheduler
