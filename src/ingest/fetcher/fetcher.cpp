#include "ingest/fetcher/fetcher.h"

#include <curl/curl.h>

#include <deque>
#include <unordered_map>
#include <utility>

#include "ingest/fetcher/curl_library.h"
#include "ingest/fetcher/transfer.h"

namespace warta::ingest::fetcher {
namespace {

constexpr int kPollMs = 100;  // how often a cancel request is noticed while waiting

struct MultiDeleter {
  void operator()(CURLM* multi) const { Curl().multi_cleanup(multi); }
};
using MultiPtr = std::unique_ptr<CURLM, MultiDeleter>;

Error MultiError(const char* call, CURLMcode code) {
  return Error::Internal(std::string("fetch: ") + call + ": " + Curl().multi_strerror(code));
}

FetchResponse Failed(const FetchRequest& request, Error error) {
  FetchResponse response;
  response.url = request.url;
  response.final_url = request.url;
  response.error = std::move(error);
  return response;
}

}  // namespace

struct Fetcher::Impl {
  MultiPtr multi;
};

// One batch: transfers waiting for a slot, transfers running, and their hosts' counts.
class Batch {
 public:
  Batch(CURLM* multi, const FetchOptions& options, const std::vector<FetchRequest>& requests,
        const Fetcher::OnDone& on_done, const std::atomic<bool>* cancel)
      : multi_(multi), options_(options), requests_(requests), on_done_(on_done), cancel_(cancel) {}
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;

  // Handles still attached when the batch ends (cancel, or an exception from on_done)
  // are detached so the multi handle stays usable.
  ~Batch() {
    for (auto& [easy, running] : running_) Curl().multi_remove_handle(multi_, easy);
  }

  void Run() {
    for (std::size_t i = 0; i < requests_.size(); ++i) {
      auto host = HttpHost(requests_[i].url);
      if (!host.ok()) {
        on_done_(i, Failed(requests_[i], host.error()));
        continue;
      }
      waiting_.push_back({i, std::move(host).value()});
    }
    while (!waiting_.empty() || !running_.empty()) {
      if (cancel_ != nullptr && cancel_->load(std::memory_order_relaxed)) {
        AbandonAll(Error::Unavailable("fetch: cancelled"));
        return;
      }
      StartEligible();
      int still_running = 0;
      // A failing multi handle moves no transfer on: every one left fails with its cause
      // rather than the loop spinning until the batch is cancelled.
      if (const CURLMcode rc = Curl().multi_perform(multi_, &still_running); rc != CURLM_OK) {
        CollectFinished();
        AbandonAll(MultiError("curl_multi_perform", rc));
        return;
      }
      CollectFinished();
      if (running_.empty()) continue;
      if (const CURLMcode rc = Curl().multi_poll(multi_, nullptr, 0, kPollMs, nullptr);
          rc != CURLM_OK) {
        AbandonAll(MultiError("curl_multi_poll", rc));
        return;
      }
    }
  }

 private:
  struct Waiting {
    std::size_t index;
    std::string host;
  };
  struct Running {
    std::size_t index;
    std::string host;
    std::unique_ptr<Transfer> transfer;
  };

  void StartEligible() {
    for (auto it = waiting_.begin(); it != waiting_.end();) {
      if (static_cast<int>(running_.size()) >= options_.max_concurrent) return;
      int& per_host = per_host_[it->host];
      if (per_host >= options_.max_per_host) {
        ++it;
        continue;
      }
      const std::size_t index = it->index;
      auto transfer = std::make_unique<Transfer>(requests_[index], options_, cancel_);
      auto setup = transfer->Setup();
      if (!setup.ok()) {
        Waiting done = std::move(*it);
        it = waiting_.erase(it);
        on_done_(done.index, Failed(requests_[done.index], setup.error()));
        continue;
      }
      if (const CURLMcode rc = Curl().multi_add_handle(multi_, transfer->easy()); rc != CURLM_OK) {
        Waiting done = std::move(*it);
        it = waiting_.erase(it);
        on_done_(done.index,
                 Failed(requests_[done.index], MultiError("curl_multi_add_handle", rc)));
        continue;
      }
      ++per_host;
      CURL* easy = transfer->easy();
      running_.emplace(easy, Running{index, std::move(it->host), std::move(transfer)});
      it = waiting_.erase(it);
    }
  }

  void CollectFinished() {
    int left = 0;
    while (CURLMsg* message = Curl().multi_info_read(multi_, &left)) {
      if (message->msg != CURLMSG_DONE) continue;
      CURL* easy = message->easy_handle;
      const CURLcode code = message->data.result;
      auto it = running_.find(easy);
      if (it == running_.end()) continue;
      Curl().multi_remove_handle(multi_, easy);
      Running done = std::move(it->second);
      running_.erase(it);
      --per_host_[done.host];
      on_done_(done.index, done.transfer->Finish(code));
    }
  }

  // Ends every transfer not yet done, running or waiting, with `error`.
  void AbandonAll(const Error& error) {
    std::vector<std::size_t> abandoned;
    for (auto& [easy, running] : running_) {
      Curl().multi_remove_handle(multi_, easy);
      abandoned.push_back(running.index);
    }
    running_.clear();
    for (const Waiting& w : waiting_) abandoned.push_back(w.index);
    waiting_.clear();
    for (std::size_t index : abandoned) on_done_(index, Failed(requests_[index], error));
  }

  CURLM* multi_;
  const FetchOptions& options_;
  const std::vector<FetchRequest>& requests_;
  const Fetcher::OnDone& on_done_;
  const std::atomic<bool>* cancel_;
  std::deque<Waiting> waiting_;
  std::unordered_map<CURL*, Running> running_;
  std::unordered_map<std::string, int> per_host_;
};

Result<std::unique_ptr<Fetcher>> Fetcher::Create(const FetchOptions& options) {
  // libcurl is loaded here, not at process start (see curl_library.h).
  WARTA_RETURN_IF_ERROR(LoadCurlLibrary());
  if (options.max_concurrent < 1 || options.max_per_host < 1 || options.max_redirects < 0 ||
      options.max_body_bytes == 0) {
    return Error::InvalidArgument("fetch: limits must be positive");
  }
  if (options.clock == nullptr) return Error::InvalidArgument("fetch: no clock");
  auto impl = std::make_unique<Impl>();
  impl->multi.reset(Curl().multi_init());
  if (!impl->multi) return Error::Internal("fetch: curl_multi_init failed");
  // Idle connections kept for the next batch (the same hosts come back every cycle).
  if (const CURLMcode rc = Curl().multi_setopt(impl->multi.get(), CURLMOPT_MAXCONNECTS,
                                               static_cast<long>(options.max_concurrent) * 2);
      rc != CURLM_OK) {
    return MultiError("curl_multi_setopt", rc);
  }
  return std::unique_ptr<Fetcher>(new Fetcher(options, std::move(impl)));
}

Fetcher::Fetcher(const FetchOptions& options, std::unique_ptr<Impl> impl)
    : options_(options), impl_(std::move(impl)) {}

Fetcher::~Fetcher() = default;

void Fetcher::Run(const std::vector<FetchRequest>& requests, const OnDone& on_done,
                  const std::atomic<bool>* cancel) {
  Batch batch(impl_->multi.get(), options_, requests, on_done, cancel);
  batch.Run();
}

FetchResponse Fetcher::Fetch(const FetchRequest& request, const std::atomic<bool>* cancel) {
  FetchResponse result = Failed(request, Error::Internal("fetch: not run"));
  std::vector<FetchRequest> one{request};
  Run(
      one, [&result](std::size_t, FetchResponse response) { result = std::move(response); },
      cancel);
  return result;
}

}  // namespace warta::ingest::fetcher
