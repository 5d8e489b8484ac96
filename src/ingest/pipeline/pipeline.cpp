#include "ingest/pipeline/pipeline.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <map>
#include <utility>

#include "ingest/pipeline/stages.h"
#include "ingest/sanitizer/sanitizer.h"
#include "storage/article_store.h"
#include "storage/source_store.h"
#include "storage/wire_updates.h"

namespace warta::ingest::pipeline {
namespace {

bool Cancelled(const std::atomic<bool>* cancel) {
  return cancel != nullptr && cancel->load(std::memory_order_relaxed);
}

Result<std::vector<model::Source>> SourcesToFetch(storage::SourceStore& sources,
                                                  const RunOptions& run, std::int64_t now,
                                                  int limit) {
  if (run.only.empty()) {
    if (!run.force) return sources.ListDue(now, limit);
    WARTA_ASSIGN_OR_RETURN(std::vector<model::Source> all, sources.List(now));
    std::vector<model::Source> enabled;
    for (model::Source& s : all) {
      if (s.enabled && static_cast<int>(enabled.size()) < limit) enabled.push_back(std::move(s));
    }
    return enabled;
  }
  std::vector<model::Source> chosen;
  for (std::int64_t id : run.only) {
    auto source = sources.FindById(id);
    if (!source.ok()) {
      if (source.error().code == ErrorCode::kNotFound) continue;  // deleted since it was asked
      return source.error();
    }
    if (source->enabled && static_cast<int>(chosen.size()) < limit) {
      chosen.push_back(std::move(source).value());
    }
  }
  return chosen;
}

// The items the source sent again: each is built as a new one would be (the same sanitizer and
// limits) and its title and text compared with the article's wire row, which keeps the
// newest differing version for the editor. Never a second article, never the article itself.
int RecordSourceUpdates(SourceJob& job, storage::Store& store, const PipelineOptions& options,
                        std::int64_t now) {
  int updated = 0;
  for (std::size_t i = 0; i < job.known.size(); ++i) {
    auto built = BuildArticle(job, job.known[i], now, options.iframe_hosts);
    if (!built.ok()) continue;  // an entry that could not be stored cannot be compared either
    const model::NewArticle& a = built->article;
    auto written = storage::RecordWireUpdate(
        store, {job.known_ids[i], job.source.id, a.title, a.body_html, a.content_hash, now});
    if (!written.ok()) {
      spdlog::warn("ingest: {}: update of article {} not recorded: {}", job.source.DisplayName(),
                   job.known_ids[i], written.error().message);
      continue;
    }
    if (*written) {
      ++updated;
      spdlog::info("ingest: {}: the source updated article {}", job.source.DisplayName(),
                   job.known_ids[i]);
    }
  }
  return updated;
}

// Builds and stores the job's candidates, in feed order; returns the number stored.
int StoreCandidates(SourceJob& job, storage::ArticleStore& articles, const PipelineOptions& options,
                    std::int64_t now, RunSummary& summary) {
  int added = 0;
  for (const Candidate& candidate : job.candidates) {
    auto built = BuildArticle(job, candidate, now, options.iframe_hosts);
    if (!built.ok()) {
      ++summary.rejected;
      spdlog::debug("ingest: {}: skipped: {}", job.source.DisplayName(), built.error().message);
      continue;
    }
    auto stored = StoreArticle(articles, built->article, options.cluster_window_seconds,
                               options.cluster_max_distance);
    if (!stored.ok()) {
      // The store is unwell: stop here; what was stored stays, the rest comes next time.
      job.outcome = model::FetchOutcome::kError;
      job.error = stored.error().message;
      break;
    }
    if (stored->outcome == StoreOutcome::kDuplicate) {
      ++summary.duplicates;
      continue;
    }
    ++added;
    ++summary.new_articles;
    if (stored->cluster_error) {
      spdlog::warn("ingest: {}: article {} stored but not grouped into a story: {}",
                   job.source.DisplayName(), stored->article_id, stored->cluster_error->message);
    }
    if (stored->clustered) ++summary.clustered;
    if (built->full_text) ++summary.full_text;
  }
  return added;
}

model::FetchRecord RecordOf(const SourceJob& job, const model::SchedulePolicy& policy,
                            std::int64_t now, int added) {
  const model::ScheduleDecision decision =
      model::Schedule(policy, job.source.refresh_minutes, job.source.consecutive_errors,
                      job.outcome, job.hints, now);
  model::FetchRecord record;
  record.fetched_at = now;
  record.status = job.status;
  record.success =
      job.outcome == model::FetchOutcome::kOk || job.outcome == model::FetchOutcome::kNotModified;
  record.error = job.error;
  record.consecutive_errors = decision.consecutive_errors;
  record.next_fetch_at = decision.next_fetch_at;
  record.disable = decision.disable;
  record.update_validators = record.success && job.update_validators;
  record.etag = job.etag;
  record.last_modified = job.last_modified;
  if (record.success) record.new_url = job.new_url;
  record.items_added = added;
  record.feed_title = job.feed_title;
  return record;
}

}  // namespace

Result<std::unique_ptr<Pipeline>> Pipeline::Create(storage::Store& store, PipelineOptions options) {
  if (options.clock == nullptr) return Error::InvalidArgument("ingest: no clock");
  options.fetch.clock = options.clock;
  WARTA_ASSIGN_OR_RETURN(auto fetcher, fetcher::Fetcher::Create(options.fetch));
  std::unique_ptr<fetcher::Fetcher> picture_fetcher;
  if (options.pictures != nullptr) {
    // Pictures take the upload limit (media.max_upload_bytes): a larger one is cut off by
    // the fetcher and refused, never read whole.
    fetcher::FetchOptions picture_options = options.fetch;
    picture_options.max_body_bytes =
        static_cast<std::size_t>(options.pictures->options().render.max_bytes);
    WARTA_ASSIGN_OR_RETURN(picture_fetcher, fetcher::Fetcher::Create(picture_options));
  }
  auto pipeline =
      std::unique_ptr<Pipeline>(new Pipeline(store, std::move(options), std::move(fetcher)));
  pipeline->picture_fetcher_ = std::move(picture_fetcher);
  return pipeline;
}

Pipeline::Pipeline(storage::Store& store, PipelineOptions options,
                   std::unique_ptr<fetcher::Fetcher> fetcher)
    : store_(store), options_(std::move(options)), fetcher_(std::move(fetcher)) {}

Pipeline::~Pipeline() = default;

int Pipeline::FetchPictures(std::vector<SourceJob>& jobs, const std::atomic<bool>* cancel) {
  // One fetch per URL however many entries name it (a feed's shared logo, say).
  std::vector<fetcher::FetchRequest> requests;
  std::vector<std::vector<Candidate*>> owners;
  std::map<std::string, std::size_t> index;
  for (SourceJob& job : jobs) {
    for (Candidate& candidate : job.candidates) {
      std::string url = PictureUrl(candidate);
      if (url.empty()) continue;
      auto [it, added] = index.emplace(url, requests.size());
      if (added) {
        requests.push_back({url, "", "", std::string(kPictureAccept)});
        owners.emplace_back();
      }
      owners[it->second].push_back(&candidate);
    }
  }
  int taken_count = 0;
  if (requests.empty()) return 0;
  picture_fetcher_->Run(
      requests,
      [&](std::size_t r, fetcher::FetchResponse response) {
        try {
          auto taken = TakePicture(*options_.pictures, response);
          if (!taken.ok()) {
            spdlog::info("ingest: picture {}: {}", response.url, taken.error().message);
            return;
          }
          for (Candidate* candidate : owners[r]) {
            candidate->lead_media_id = taken.value();
            ++taken_count;
          }
        } catch (const std::exception& e) {
          spdlog::warn("ingest: picture {}: {}", response.url, e.what());
        }
      },
      cancel);
  return taken_count;
}

Result<RunSummary> Pipeline::RunOnce(const RunOptions& run) {
  std::lock_guard lock(run_mutex_);
  const std::int64_t now = options_.clock->NowUnix();
  WARTA_ASSIGN_OR_RETURN(std::vector<model::Source> sources,
                         SourcesToFetch(store_.sources(), run, now, options_.max_sources_per_run));
  RunSummary summary;
  summary.sources = static_cast<int>(sources.size());
  std::vector<SourceJob> jobs(sources.size());
  std::vector<fetcher::FetchRequest> requests;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    jobs[i].source = std::move(sources[i]);
    const model::Source& s = jobs[i].source;
    requests.push_back({s.url, s.etag, s.last_modified, std::string(kFeedAccept)});
  }
  std::vector<bool> cancelled(jobs.size(), false);
  std::size_t feeds_done = 0;

  // Stage 1: feeds, read as each arrives.
  fetcher_->Run(
      requests,
      [&](std::size_t i, fetcher::FetchResponse response) {
        if (Cancelled(run.cancel)) {
          cancelled[i] = true;
          return;
        }
        try {
          ReadFeed(jobs[i], std::move(response), store_.articles(), options_.max_items_per_feed,
                   now);
        } catch (const std::exception& e) {
          jobs[i].outcome = model::FetchOutcome::kError;
          jobs[i].error = std::string("internal error: ") + e.what();
          jobs[i].candidates.clear();
        }
        if (run.on_progress) {
          run.on_progress(Progress{++feeds_done, jobs.size(), jobs[i].source.DisplayName(),
                                   !jobs[i].error.empty()});
        }
      },
      run.cancel);

  // Stage 2: article pages of the entries whose source wants the full text.
  std::vector<std::pair<std::size_t, std::size_t>> page_owner;
  std::vector<fetcher::FetchRequest> pages;
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    for (std::size_t k = 0; k < jobs[i].candidates.size(); ++k) {
      if (!jobs[i].candidates[k].wants_full_text) continue;
      page_owner.emplace_back(i, k);
      pages.push_back({jobs[i].candidates[k].entry.link, "", "", std::string(kPageAccept)});
    }
  }
  if (!pages.empty() && !Cancelled(run.cancel)) {
    fetcher_->Run(
        pages,
        [&](std::size_t p, fetcher::FetchResponse response) {
          auto [i, k] = page_owner[p];
          try {
            auto extraction = ExtractPage(response, options_.iframe_hosts);
            if (extraction.ok()) {
              jobs[i].candidates[k].extraction = std::move(extraction).value();
            } else {
              spdlog::debug("ingest: {}: full text of {}: {}", jobs[i].source.DisplayName(),
                            response.url, extraction.error().message);
            }
          } catch (const std::exception& e) {
            spdlog::warn("ingest: full text of {}: {}", response.url, e.what());
          }
        },
        run.cancel);
  }

  // Stage 2b: each new entry's picture, fetched and taken in; one that fails leaves its
  // article without a picture, nothing more.
  if (picture_fetcher_ && !Cancelled(run.cancel)) {
    summary.pictures += FetchPictures(jobs, run.cancel);
  }

  // Stage 3: store, cluster and record each source's health.
  for (std::size_t i = 0; i < jobs.size(); ++i) {
    SourceJob& job = jobs[i];
    if (cancelled[i] ||
        (Cancelled(run.cancel) && job.outcome == model::FetchOutcome::kError && job.status == 0)) {
      continue;  // not attempted: the source stays due
    }
    int added = 0;
    try {
      if (job.outcome == model::FetchOutcome::kOk) {
        summary.duplicates += job.duplicates;
        added = StoreCandidates(job, store_.articles(), options_, now, summary);
        summary.source_updates += RecordSourceUpdates(job, store_, options_, now);
      }
    } catch (const std::exception& e) {
      job.outcome = model::FetchOutcome::kError;
      job.error = std::string("internal error: ") + e.what();
    }
    switch (job.outcome) {
      case model::FetchOutcome::kOk:
        ++summary.fetched;
        break;
      case model::FetchOutcome::kNotModified:
        ++summary.not_modified;
        break;
      case model::FetchOutcome::kError:
      case model::FetchOutcome::kGone:
        ++summary.failed;
        summary.errors.push_back(job.source.DisplayName() + ": " + job.error);
        spdlog::warn("ingest: {} ({}): {}", job.source.DisplayName(), job.source.url, job.error);
        break;
    }
    auto recorded =
        store_.sources().RecordFetch(job.source.id, RecordOf(job, options_.schedule, now, added));
    if (!recorded.ok()) {
      spdlog::error("ingest: {}: cannot record the fetch: {}", job.source.DisplayName(),
                    recorded.error().message);
    }
  }
  return summary;
}

Result<ReextractSummary> Pipeline::Reextract(std::int64_t source_id, int limit,
                                             const std::atomic<bool>* cancel) {
  std::lock_guard lock(run_mutex_);
  WARTA_RETURN_IF_ERROR(store_.sources().FindById(source_id));  // NotFound
  WARTA_ASSIGN_OR_RETURN(std::vector<storage::ArticleRef> refs,
                         store_.articles().ListBySource(source_id, limit));
  ReextractSummary summary;
  std::vector<fetcher::FetchRequest> pages;
  std::vector<std::int64_t> ids;
  for (const storage::ArticleRef& ref : refs) {
    ++summary.articles;
    if (ref.url.empty()) {
      ++summary.unchanged;
      continue;
    }
    pages.push_back({ref.url, "", "", std::string(kPageAccept)});
    ids.push_back(ref.id);
  }
  fetcher_->Run(
      pages,
      [&](std::size_t p, fetcher::FetchResponse response) {
        try {
          auto extraction = ExtractPage(response, options_.iframe_hosts);
          if (extraction.ok()) {
            sanitizer::SanitizeOptions options;
            options.base_url = response.url;
            options.iframe_hosts = options_.iframe_hosts;
            const std::string body = sanitizer::Sanitize(extraction->content_html, options);
            if (!body.empty()) {
              auto updated = store_.articles().UpdateBody(ids[p], body);
              if (updated.ok()) {
                ++summary.updated;
                return;
              }
              spdlog::warn("reextract: {}: cannot store the body: {}", response.url,
                           updated.error().message);
              ++summary.unchanged;
              return;
            }
          }
          spdlog::info("reextract: {}: {}", response.url,
                       extraction.ok() ? "not stored" : extraction.error().message);
        } catch (const std::exception& e) {
          spdlog::warn("reextract: {}: {}", response.url, e.what());
        }
        ++summary.unchanged;
      },
      cancel);
  return summary;
}

}  // namespace warta::ingest::pipeline
