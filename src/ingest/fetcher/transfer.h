// One HTTP transfer: a configured curl easy handle, its callbacks and what they collected.
// Internal to the fetcher.
#pragma once

#include <curl/curl.h>

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "ingest/fetcher/curl_library.h"
#include "ingest/fetcher/fetcher.h"

namespace warta::ingest::fetcher {

struct EasyDeleter {
  void operator()(CURL* easy) const { Curl().easy_cleanup(easy); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { Curl().slist_free_all(list); }
};
using EasyPtr = std::unique_ptr<CURL, EasyDeleter>;
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

// The lower-cased host of an http(s) URL, or an error for anything else (other schemes,
// no host, unparseable), checked with libcurl's own URL parser so we judge the URL the way
// the transfer will read it.
Result<std::string> HttpHost(const std::string& url);

class Transfer {
 public:
  Transfer(const FetchRequest& request, const FetchOptions& options,
           const std::atomic<bool>* cancel);
  Transfer(const Transfer&) = delete;
  Transfer& operator=(const Transfer&) = delete;

  // Creates and configures the easy handle. Errors: kInternal (out of memory in curl),
  // kInvalidArgument (a header value that cannot be sent).
  Result<void> Setup();
  CURL* easy() const { return easy_.get(); }

  // Collects the response once libcurl reports the transfer done with `code`.
  FetchResponse Finish(CURLcode code);

 private:
  static std::size_t OnWrite(char* data, std::size_t size, std::size_t count, void* self) noexcept;
  static std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* self) noexcept;
  static int OnProgress(void* self, curl_off_t download_total, curl_off_t download_now,
                        curl_off_t upload_total, curl_off_t upload_now) noexcept;
  static curl_socket_t OnOpenSocket(void* self, curlsocktype purpose,
                                    curl_sockaddr* address) noexcept;

  void HeaderLine(std::string_view line);
  Error MapError(CURLcode code) const;

  const FetchRequest& request_;
  const FetchOptions& options_;
  const std::atomic<bool>* cancel_;
  EasyPtr easy_;
  SlistPtr headers_;
  FetchResponse response_;
  std::vector<int> statuses_;  // final status of each response on the way (redirects)
  std::string cache_control_;
  std::string retry_after_;
  std::size_t header_bytes_ = 0;
  bool too_large_ = false;
  bool headers_too_large_ = false;
  bool cancelled_ = false;
  bool out_of_memory_ = false;
  std::string refused_address_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
};

}  // namespace warta::ingest::fetcher
