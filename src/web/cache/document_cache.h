// Generated documents (feeds, sitemaps, robots.txt) kept per node for a short time, so a
// feed reader or crawler polling every few seconds costs no query and no XML writing.
// An entry is rebuilt when it is older than the TTL: new and edited articles show up within
// that time on every node without any invalidation message. Validators (ETag,
// Last-Modified) come with each entry so clients revalidate cheaply (DocumentResponse).
//
// Thread safety: all methods may be called concurrently. A miss builds outside the lock
// (two threads may both build one key; the later result wins, both are correct).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/result.h"
#include "http/message.h"

namespace warta::web {

struct Document {
  std::shared_ptr<const std::string> body;
  // body's gzip, made once when the document is built (feed readers and crawlers ask for
  // gzip: compressing per request cost ~35 times the serving itself).
  std::shared_ptr<const std::string> gzip_body;
  // The same bytes in files the server sends with sendfile (http/body_file.h): big bodies
  // only (the 50-entry feed.xml), and only while the process has body files to spare.
  std::shared_ptr<const http::BodyFile> body_file;
  std::shared_ptr<const http::BodyFile> gzip_file;
  std::string content_type;
  std::string etag;                // strong, from the body's hash
  std::int64_t last_modified = 0;  // unix seconds; 0 when unknown (no Last-Modified)
  std::int64_t built_at = 0;
};

// What a builder returns: the body, its type and the newest change it reflects.
struct BuiltDocument {
  std::string body;
  std::string content_type;
  std::int64_t last_modified = 0;
  int status = 200;  // 404 results (unknown source or tag) are cached too, as misses
};

class DocumentCache {
 public:
  using Builder = std::function<Result<BuiltDocument>()>;

  DocumentCache(int ttl_seconds, std::size_t capacity)
      : ttl_seconds_(ttl_seconds), capacity_(capacity) {}

  // The cached document for `key`, building it with `build` when absent or stale. A failed
  // build is not cached. A nullptr body means "not found" (a cached 404).
  Result<std::shared_ptr<const Document>> Get(const std::string& key, std::int64_t now_unix,
                                              const Builder& build);
  // Drops every document (an article left or joined the public ones, or the site's settings
  // changed): the next request builds it again.
  void Clear();
  std::size_t size() const;

 private:
  int ttl_seconds_;
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Document>> entries_;
  std::uint64_t generation_ = 0;  // Clear() calls; a build started before one is not kept
};

// 200 with the document and its ETag, Last-Modified and Cache-Control; the server turns it
// into a 304 when the request's If-None-Match or If-Modified-Since shows the client has it.
http::Response DocumentResponse(const Document& document, int max_age_seconds);

}  // namespace warta::web
