#include "ingest/fetcher/transfer.h"

#include <sys/socket.h>

#include <string_view>

#include "core/ascii.h"
#include "ingest/fetcher/address_policy.h"
#include "ingest/fetcher/http_headers.h"

namespace warta::ingest::fetcher {
namespace {

// Headers of all responses on the way, together. Real servers send a few KB.
constexpr std::size_t kMaxHeaderBytes = std::size_t{256} * 1024;

struct UrlDeleter {
  void operator()(CURLU* url) const { Curl().url_cleanup(url); }
};
struct CurlStringDeleter {
  void operator()(char* s) const { Curl().free(s); }
};

std::string Seconds(std::chrono::milliseconds ms) {
  return std::to_string(ms.count() / 1000) + "." + std::to_string(ms.count() % 1000 / 100) + " s";
}

}  // namespace

Result<std::string> HttpHost(const std::string& url) {
  WARTA_RETURN_IF_ERROR(LoadCurlLibrary());
  std::unique_ptr<CURLU, UrlDeleter> handle(Curl().url());
  if (!handle) return Error::Internal("fetch: out of memory");
  if (Curl().url_set(handle.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK) {
    return Error::InvalidArgument("fetch: not a valid URL: '" + url + "'");
  }
  char* raw = nullptr;
  if (Curl().url_get(handle.get(), CURLUPART_SCHEME, &raw, 0) != CURLUE_OK) {
    return Error::InvalidArgument("fetch: URL without a scheme: '" + url + "'");
  }
  const std::string scheme = ascii::Lower(std::unique_ptr<char, CurlStringDeleter>(raw).get());
  if (scheme != "http" && scheme != "https") {
    return Error::PermissionDenied("fetch: only http and https URLs are fetched, not " + scheme +
                                   ":");
  }
  raw = nullptr;
  if (Curl().url_get(handle.get(), CURLUPART_HOST, &raw, 0) != CURLUE_OK || raw == nullptr) {
    return Error::InvalidArgument("fetch: URL without a host: '" + url + "'");
  }
  return ascii::Lower(std::unique_ptr<char, CurlStringDeleter>(raw).get());
}

Transfer::Transfer(const FetchRequest& request, const FetchOptions& options,
                   const std::atomic<bool>* cancel)
    : request_(request), options_(options), cancel_(cancel) {}

Result<void> Transfer::Setup() {
  WARTA_RETURN_IF_ERROR(LoadCurlLibrary());
  easy_.reset(Curl().easy_init());
  if (!easy_) return Error::Internal("fetch: curl_easy_init failed");
  CURL* e = easy_.get();
  std::vector<std::string> lines;
  lines.push_back("Accept: " + (request_.accept.empty() ? std::string("*/*") : request_.accept));
  if (!request_.etag.empty() && IsSafeHeaderValue(request_.etag)) {
    lines.push_back("If-None-Match: " + request_.etag);
  }
  if (!request_.last_modified.empty() && IsSafeHeaderValue(request_.last_modified)) {
    lines.push_back("If-Modified-Since: " + request_.last_modified);
  }
  for (const std::string& line : lines) {
    curl_slist* grown = Curl().slist_append(headers_.get(), line.c_str());
    if (grown == nullptr) return Error::Internal("fetch: out of memory");
    (void)headers_.release();
    headers_.reset(grown);
  }
  CURLcode refused = CURLE_OK;  // the first option libcurl refused
  auto set = [&refused](CURLcode rc) {
    if (refused == CURLE_OK) refused = rc;
  };
  set(Curl().easy_setopt(e, CURLOPT_URL, request_.url.c_str()));
  set(Curl().easy_setopt(e, CURLOPT_PRIVATE, this));
  set(Curl().easy_setopt(e, CURLOPT_ERRORBUFFER, error_buffer_));
  set(Curl().easy_setopt(e, CURLOPT_NOSIGNAL, 1L));
  set(Curl().easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https"));
  set(Curl().easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"));
  set(Curl().easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L));
  set(Curl().easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(options_.max_redirects)));
  // Environment proxies would make every connection go to the proxy's address and so
  // defeat the address check below.
  set(Curl().easy_setopt(e, CURLOPT_PROXY, ""));
  set(Curl().easy_setopt(e, CURLOPT_ACCEPT_ENCODING, ""));  // every decoder curl has: gzip, br
  set(Curl().easy_setopt(e, CURLOPT_USERAGENT, options_.user_agent.c_str()));
  set(Curl().easy_setopt(e, CURLOPT_HTTPHEADER, headers_.get()));
  set(Curl().easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
                         static_cast<long>(options_.connect_timeout.count())));
  set(Curl().easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.total_timeout.count())));
  set(Curl().easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, options_.low_speed_bytes));
  set(Curl().easy_setopt(e, CURLOPT_LOW_SPEED_TIME, options_.low_speed_seconds));
  set(Curl().easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
                         static_cast<curl_off_t>(options_.max_body_bytes)));
  set(Curl().easy_setopt(e, CURLOPT_WRITEFUNCTION, &Transfer::OnWrite));
  set(Curl().easy_setopt(e, CURLOPT_WRITEDATA, this));
  set(Curl().easy_setopt(e, CURLOPT_HEADERFUNCTION, &Transfer::OnHeader));
  set(Curl().easy_setopt(e, CURLOPT_HEADERDATA, this));
  set(Curl().easy_setopt(e, CURLOPT_NOPROGRESS, 0L));
  set(Curl().easy_setopt(e, CURLOPT_XFERINFOFUNCTION, &Transfer::OnProgress));
  set(Curl().easy_setopt(e, CURLOPT_XFERINFODATA, this));
  set(Curl().easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, &Transfer::OnOpenSocket));
  set(Curl().easy_setopt(e, CURLOPT_OPENSOCKETDATA, this));
  if (refused != CURLE_OK) {
    return Error::Internal(std::string("fetch: libcurl refused an option: ") +
                           Curl().easy_strerror(refused));
  }
  return Ok();
}

std::size_t Transfer::OnWrite(char* data, std::size_t size, std::size_t count,
                              void* self) noexcept {
  auto* t = static_cast<Transfer*>(self);
  const std::size_t bytes = size * count;
  // Data arrives here decoded, so this bounds what a gzip or brotli bomb expands to.
  if (t->response_.body.size() + bytes > t->options_.max_body_bytes) {
    t->too_large_ = true;
    return 0;  // makes libcurl abort the transfer with CURLE_WRITE_ERROR
  }
  try {
    t->response_.body.append(data, bytes);
  } catch (...) {
    t->out_of_memory_ = true;
    return 0;
  }
  return bytes;
}

std::size_t Transfer::OnHeader(char* data, std::size_t size, std::size_t count,
                               void* self) noexcept {
  auto* t = static_cast<Transfer*>(self);
  const std::size_t bytes = size * count;
  t->header_bytes_ += bytes;
  if (t->header_bytes_ > kMaxHeaderBytes) {
    t->headers_too_large_ = true;
    return 0;
  }
  try {
    t->HeaderLine(std::string_view(data, bytes));
  } catch (...) {
    t->out_of_memory_ = true;
    return 0;
  }
  return bytes;
}

void Transfer::HeaderLine(std::string_view line) {
  line = ascii::Trim(line);  // its padding and the CRLF curl leaves on it
  if (line.substr(0, 5) == "HTTP/") {
    // A new response (the first, or one after a redirect): its headers replace the last's.
    const auto space = line.find(' ');
    int status = 0;
    for (std::size_t i = space + 1; space != std::string_view::npos && i < line.size() &&
                                    i < space + 4 && ascii::IsDigit(line[i]);
         ++i) {
      status = status * 10 + (line[i] - '0');
    }
    if (status >= 200) statuses_.push_back(status);  // 1xx are interim, not responses
    response_.content_type.clear();
    response_.etag.clear();
    response_.last_modified.clear();
    cache_control_.clear();
    retry_after_.clear();
    return;
  }
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return;
  const std::string name = ascii::Lower(ascii::Trim(line.substr(0, colon), ascii::IsHttpSpace));
  const std::string value(ascii::Trim(line.substr(colon + 1), ascii::IsHttpSpace).substr(0, 2048));
  if (name == "content-type") response_.content_type = value;
  if (name == "etag") response_.etag = value;
  if (name == "last-modified") response_.last_modified = value;
  if (name == "cache-control") cache_control_ = value;
  if (name == "retry-after") retry_after_ = value;
}

int Transfer::OnProgress(void* self, curl_off_t /*download_total*/, curl_off_t download_now,
                         curl_off_t /*upload_total*/, curl_off_t /*upload_now*/) noexcept {
  auto* t = static_cast<Transfer*>(self);
  if (t->cancel_ != nullptr && t->cancel_->load(std::memory_order_relaxed)) {
    t->cancelled_ = true;
    return 1;
  }
  // Bytes as received, before decoding: bounds a server that streams without end.
  if (download_now > static_cast<curl_off_t>(t->options_.max_body_bytes)) {
    t->too_large_ = true;
    return 1;
  }
  return 0;
}

curl_socket_t Transfer::OnOpenSocket(void* self, curlsocktype purpose,
                                     curl_sockaddr* address) noexcept {
  auto* t = static_cast<Transfer*>(self);
  if (purpose != CURLSOCKTYPE_IPCXN || address == nullptr) return CURL_SOCKET_BAD;
  if (!t->options_.allow_private && !IsPublicAddress(&address->addr)) {
    try {
      t->refused_address_ = AddressToString(&address->addr);
    } catch (...) {
      t->out_of_memory_ = true;
    }
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
}

FetchResponse Transfer::Finish(CURLcode code) {
  CURL* e = easy_.get();
  response_.url = request_.url;
  char* effective = nullptr;
  if (Curl().easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &effective) == CURLE_OK && effective) {
    response_.final_url = effective;
  }
  long status = 0;
  Curl().easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
  response_.status = static_cast<int>(status);
  long redirects = 0;
  Curl().easy_getinfo(e, CURLINFO_REDIRECT_COUNT, &redirects);
  response_.redirects = static_cast<int>(redirects);
  char* ip = nullptr;
  if (Curl().easy_getinfo(e, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) response_.peer = ip;
  curl_off_t micros = 0;
  Curl().easy_getinfo(e, CURLINFO_TOTAL_TIME_T, &micros);
  response_.seconds = static_cast<double>(micros) / 1e6;
  const std::int64_t now = options_.clock->NowUnix();
  if (!cache_control_.empty()) response_.max_age_seconds = ParseMaxAge(cache_control_);
  if (!retry_after_.empty()) response_.retry_after_at = ParseRetryAfter(retry_after_, now);
  if (redirects > 0 && statuses_.size() >= 2) {
    bool permanent = true;
    for (std::size_t i = 0; i + 1 < statuses_.size(); ++i) {
      permanent = permanent && (statuses_[i] == 301 || statuses_[i] == 308);
    }
    if (permanent && response_.final_url != request_.url) {
      response_.permanent_url = response_.final_url;
    }
  }
  if (code != CURLE_OK || too_large_ || cancelled_ || out_of_memory_ || headers_too_large_) {
    response_.error = MapError(code);
    response_.body.clear();
    response_.body.shrink_to_fit();
  }
  return std::move(response_);
}

Error Transfer::MapError(CURLcode code) const {
  const std::string detail = error_buffer_[0] != '\0' ? error_buffer_ : Curl().easy_strerror(code);
  if (cancelled_) return Error::Unavailable("fetch: cancelled");
  if (too_large_ || code == CURLE_FILESIZE_EXCEEDED) {
    return Error::TooLarge("fetch: response body larger than " +
                           std::to_string(options_.max_body_bytes) + " bytes");
  }
  if (headers_too_large_) {
    return Error::TooLarge("fetch: response headers larger than " +
                           std::to_string(kMaxHeaderBytes) + " bytes");
  }
  if (out_of_memory_) return Error::Internal("fetch: out of memory");
  if (!refused_address_.empty()) {
    return Error::PermissionDenied("fetch: refused to connect to non-public address " +
                                   refused_address_ + " (fetch.allow_private is off)");
  }
  switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
      return Error::Timeout("fetch: " + detail + " (limits: connect " +
                            Seconds(options_.connect_timeout) + ", total " +
                            Seconds(options_.total_timeout) + ")");
    case CURLE_TOO_MANY_REDIRECTS:
      return Error::Io("fetch: more than " + std::to_string(options_.max_redirects) +
                       " redirects (a redirect loop?)");
    case CURLE_UNSUPPORTED_PROTOCOL:
      return Error::PermissionDenied("fetch: only http and https are followed: " + detail);
    case CURLE_BAD_CONTENT_ENCODING:
      return Error::Corrupt("fetch: bad content encoding: " + detail);
    case CURLE_URL_MALFORMAT:
      return Error::InvalidArgument("fetch: " + detail);
    default:
      return Error::Io("fetch: " + detail);
  }
}

}  // namespace warta::ingest::fetcher
