// The HTTP client of ingest: many GETs at once on libcurl's multi interface, polite and
// bounded. Every response body is hostile and so is every server's behaviour:
// - only http and https, also after redirects; at most max_redirects redirects;
// - the peer address is checked at connect time for every resolved address and every
//   redirect: loopback, private, link-local and multicast addresses are refused unless
//   allow_private (address_policy.h);
// - the body is capped at max_body_bytes both as received (compressed) and as decoded,
//   so neither a 1 GB response nor a gzip bomb grows memory beyond the cap;
// - connect and total timeouts, and a low-speed limit for servers that trickle bytes;
// - gzip, deflate and brotli accepted; conditional GET with ETag and Last-Modified.
// HTTP error statuses are not errors here: the caller reads `status`.
//
// Thread safety: a Fetcher runs one batch at a time (Run is not reentrant); use one per
// thread. Callbacks from libcurl never let an exception escape.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"

namespace warta::ingest::fetcher {

struct FetchOptions {
  std::string user_agent = "warta";
  int max_concurrent = 16;  // transfers at once
  int max_per_host = 2;     // transfers at once to one host name
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{30'000};
  // A transfer slower than low_speed_bytes per second for low_speed_seconds is aborted.
  long low_speed_bytes = 256;
  long low_speed_seconds = 15;
  std::size_t max_body_bytes = std::size_t{10} * 1024 * 1024;
  int max_redirects = 5;
  bool allow_private = false;
  // Turns Retry-After seconds into a time. Not null.
  const Clock* clock = &SystemClock::Get();
};

struct FetchRequest {
  std::string url;
  std::string etag;           // sent as If-None-Match when not empty
  std::string last_modified;  // sent as If-Modified-Since when not empty
  std::string accept;         // the Accept header; empty: */*
};

struct FetchResponse {
  std::string url;        // as requested
  std::string final_url;  // after redirects
  // The URL to use from now on when every redirect on the way was permanent (301/308);
  // empty otherwise.
  std::string permanent_url;
  int status = 0;  // HTTP status of the final response; 0 when none was received
  std::string body;
  std::string content_type;
  std::string etag;
  std::string last_modified;
  std::optional<std::int64_t> max_age_seconds;  // Cache-Control
  std::optional<std::int64_t> retry_after_at;   // Retry-After, as a unix time
  int redirects = 0;
  double seconds = 0;
  std::string peer;            // the address connected to, for logs
  std::optional<Error> error;  // the transfer failed: no usable status or body

  bool ok() const { return !error.has_value(); }
};

class Fetcher {
 public:
  // Called on Run's thread as each transfer finishes, with the request's index.
  using OnDone = std::function<void(std::size_t index, FetchResponse response)>;

  static Result<std::unique_ptr<Fetcher>> Create(const FetchOptions& options);
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Fetches every request, at most max_concurrent at once and max_per_host per host, in
  // the given order as limits allow. Returns when all are done. When *cancel becomes true,
  // running transfers are aborted and the rest finish with kUnavailable ("cancelled").
  // Bad URLs finish with kInvalidArgument without a network request.
  void Run(const std::vector<FetchRequest>& requests, const OnDone& on_done,
           const std::atomic<bool>* cancel = nullptr);

  // One request, blocking.
  FetchResponse Fetch(const FetchRequest& request, const std::atomic<bool>* cancel = nullptr);

  const FetchOptions& options() const { return options_; }

 private:
  struct Impl;
  Fetcher(const FetchOptions& options, std::unique_ptr<Impl> impl);
  FetchOptions options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace warta::ingest::fetcher
