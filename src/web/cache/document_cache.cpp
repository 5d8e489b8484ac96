#include "web/cache/document_cache.h"

#include <functional>

#include "http/gzip.h"

namespace warta::web {
namespace {

std::string StrongTag(const std::string& body) {
  // Identifies a version of one URL's document for revalidation, not a security check:
  // std::hash over the body is enough.
  return "\"" + std::to_string(std::hash<std::string>{}(body)) + "\"";
}

}  // namespace

Result<std::shared_ptr<const Document>> DocumentCache::Get(const std::string& key,
                                                           std::int64_t now_unix,
                                                           const Builder& build) {
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && now_unix - it->second->built_at < ttl_seconds_ &&
        now_unix >= it->second->built_at) {
      return it->second;
    }
    generation = generation_;
  }
  auto built = build();
  if (!built.ok()) return built.error();
  auto document = std::make_shared<Document>();
  if (built->status == 200) {
    document->etag = StrongTag(built->body);
    document->gzip_body = std::make_shared<const std::string>(http::GzipOnce(built->body));
    document->body = std::make_shared<const std::string>(std::move(built->body));
    document->body_file = http::BodyFile::Make(*document->body);
    document->gzip_file = http::BodyFile::Make(*document->gzip_body);
  }
  document->content_type = std::move(built->content_type);
  document->last_modified = built->last_modified;
  document->built_at = now_unix;
  std::shared_ptr<const Document> shared = std::move(document);
  std::lock_guard lock(mutex_);
  // Built from what the store said before a Clear(): right for this caller, stale for the next.
  if (generation != generation_) return shared;
  if (entries_.size() >= capacity_ && entries_.find(key) == entries_.end()) {
    // Feeds of many sources and tags are polled unevenly; dropping an arbitrary one costs
    // one rebuild, which is cheaper than tracking recency on every hit.
    entries_.erase(entries_.begin());
  }
  entries_[key] = shared;
  return shared;
}

void DocumentCache::Clear() {
  std::lock_guard lock(mutex_);
  entries_.clear();
  ++generation_;
}

std::size_t DocumentCache::size() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

http::Response DocumentResponse(const Document& document, int max_age_seconds) {
  http::Response response;
  response.content_type = document.content_type;
  response.SetHeader("ETag", document.etag);
  if (document.last_modified > 0) {
    response.SetHeader("Last-Modified", http::FormatHttpDate(document.last_modified));
  }
  response.SetHeader("Cache-Control", "public, max-age=" + std::to_string(max_age_seconds));
  response.shared_body = document.body;
  response.shared_gzip_body = document.gzip_body;
  response.shared_body_file = document.body_file;
  response.shared_gzip_file = document.gzip_file;
  return response;
}

}  // namespace warta::web
