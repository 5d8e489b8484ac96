// The ingest pipeline, the only place that knows the order of the stages:
//
//   fetch feed -> parse -> (sanitize: done by the parser) -> dedup by guid / URL
//     -> fetch article page + extract full text (sources that want it; kept only when the
//        extractor finds it acceptable) -> fingerprint, language -> dedup by content
//     -> store -> cluster near-duplicates into stories -> record the source's health
//
// Each source is one job: its errors (transport, HTTP status, unparseable feed, an
// exception anywhere in its processing) are recorded on that source and never affect the
// others. Re-running is idempotent: storage refuses a second article with the same
// (source, guid) or canonical URL.
//
// Thread safety: one run at a time per Pipeline (RunOnce and Reextract serialize on a
// mutex); different processes may ingest the same store (unique keys keep it consistent).
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "ingest/fetcher/fetcher.h"
#include "media/library.h"
#include "model/fetch_schedule.h"
#include "storage/store.h"

namespace warta::ingest::pipeline {

struct PipelineOptions {
  fetcher::FetchOptions fetch;
  model::SchedulePolicy schedule;
  int max_items_per_feed = 200;  // newest entries of one fetch considered
  std::int64_t cluster_window_seconds = std::int64_t{48} * 3600;
  int cluster_max_distance = 10;  // SimHash bits
  int max_sources_per_run = 10'000;
  std::vector<std::string> iframe_hosts;  // passed to the sanitizer / extractor
  // Decides which sources are due and stamps fetches and schedules; the fetcher reads
  // Retry-After against it too (it replaces fetch.clock). Tests pass a FakeClock. Not null.
  const Clock* clock = &SystemClock::Get();
  // Feed pictures (media:content, media:thumbnail, image enclosures, else the page's
  // og:image) are fetched (the fetcher's rules, the body capped at the library's upload
  // limit) and taken in here, and become the article's lead picture; a picture that fails
  // never holds its article back. Null: pictures are not fetched.
  media::MediaLibrary* pictures = nullptr;
};

struct Progress {
  std::size_t done = 0;
  std::size_t total = 0;
  std::string source;   // display name of the source just read
  bool failed = false;  // its fetch or feed failed
};

struct RunOptions {
  bool force = false;  // every enabled source, due or not
  // Only these sources (enabled ones), due or not: "fetch now" in the admin. Empty: as above.
  std::vector<std::int64_t> only;
  const std::atomic<bool>* cancel = nullptr;
  // Called on the run's thread as each source's feed has been fetched and read.
  std::function<void(const Progress&)> on_progress;
};

// What one run did. Every due source ends in exactly one of fetched, not_modified, failed.
struct RunSummary {
  int sources = 0;
  int fetched = 0;       // 200, parsed
  int not_modified = 0;  // 304
  int failed = 0;        // transport/HTTP/parse errors, 410 (disabled)
  int new_articles = 0;
  int duplicates = 0;               // entries already stored (guid, canonical URL, same text)
  int clustered = 0;                // new articles joined to a story of other reports
  int full_text = 0;                // new articles whose body came from their page
  int pictures = 0;                 // candidates that got a picture (fetched, taken in)
  int rejected = 0;                 // entries that could not be stored (invalid even after repair)
  int source_updates = 0;           // known items the source changed (wire row updated)
  std::vector<std::string> errors;  // "source name: message", one per failed source
};

struct ReextractSummary {
  int articles = 0;   // looked at
  int updated = 0;    // body replaced with the extracted full text
  int unchanged = 0;  // extraction failed or was not acceptable: body kept
};

struct SourceJob;  // stages.h

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(storage::Store& store, PipelineOptions options);
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Fetches every due source (all enabled ones with force) once and stores new articles.
  // Fails only when the store cannot list sources; per-source problems are in the summary.
  Result<RunSummary> RunOnce(const RunOptions& run);

  // Re-runs full-text extraction on a source's newest `limit` articles, replacing a body
  // only with an acceptable extraction. NotFound for an unknown source.
  Result<ReextractSummary> Reextract(std::int64_t source_id, int limit,
                                     const std::atomic<bool>* cancel = nullptr);

 private:
  Pipeline(storage::Store& store, PipelineOptions options,
           std::unique_ptr<fetcher::Fetcher> fetcher);
  // Stage 2b of RunOnce: sets the candidates' lead_media_id; returns how many got one.
  int FetchPictures(std::vector<SourceJob>& jobs, const std::atomic<bool>* cancel);

  storage::Store& store_;
  PipelineOptions options_;
  std::unique_ptr<fetcher::Fetcher> fetcher_;
  std::unique_ptr<fetcher::Fetcher> picture_fetcher_;  // set with options_.pictures
  std::mutex run_mutex_;
};

}  // namespace warta::ingest::pipeline
