#include <algorithm>
#include <array>

#include "ingest/dedup/canonical_url.h"
#include "ingest/dedup/fingerprint.h"
#include "ingest/fetcher/http_headers.h"
#include "ingest/pipeline/stages.h"

namespace warta::ingest::pipeline {
namespace {

// Media types that cannot be a feed whatever the body holds: refusing them early gives the
// site owner a clear error instead of a parser's complaint about binary bytes.
bool IsNeverAFeed(const std::string& media_type) {
  static constexpr std::array<std::string_view, 5> kPrefixes = {"image/", "audio/", "video/",
                                                                "font/", "multipart/"};
  static constexpr std::array<std::string_view, 6> kTypes = {
      "application/pdf",    "application/zip",    "application/gzip",
      "application/x-gzip", "application/msword", "application/vnd.ms-excel"};
  for (std::string_view p : kPrefixes) {
    if (media_type.compare(0, p.size(), p) == 0) return true;
  }
  return std::find(kTypes.begin(), kTypes.end(), media_type) != kTypes.end();
}

std::string GuidOf(const feed::Entry& entry) {
  if (!entry.id.empty()) return TruncateUtf8(entry.id, 1000);
  if (!entry.link.empty()) return TruncateUtf8(entry.link, 1000);
  // No id and no link (it happens): the text is the identity.
  const std::string hash =
      dedup::ContentHash(entry.title + "\n" + entry.summary + "\n" + entry.content);
  return hash.empty() ? "" : "hash:" + hash;
}

void Fail(SourceJob& job, std::string error) {
  job.outcome = model::FetchOutcome::kError;
  job.error = std::move(error);
}

// What the response says about the fetch, before looking at the body. False when there is
// no feed to read.
bool Classify(SourceJob& job, const fetcher::FetchResponse& response) {
  job.status = response.status;
  job.hints.max_age_seconds = response.max_age_seconds;
  job.hints.retry_after_at = response.retry_after_at;
  if (!response.ok()) {
    Fail(job, response.error->message);
    return false;
  }
  if (response.status == 304) {
    job.outcome = model::FetchOutcome::kNotModified;
    // Servers may send fresh validators with a 304 (RFC 9110 §15.4.5).
    if (!response.etag.empty() || !response.last_modified.empty()) {
      job.update_validators = true;
      job.etag = response.etag.empty() ? job.source.etag : response.etag;
      job.last_modified =
          response.last_modified.empty() ? job.source.last_modified : response.last_modified;
    }
    job.new_url = response.permanent_url;
    return false;
  }
  if (response.status == 410) {
    job.outcome = model::FetchOutcome::kGone;
    job.error = "HTTP 410 Gone: the publisher removed this feed; the source is disabled";
    return false;
  }
  if (response.status < 200 || response.status > 299) {
    Fail(job, "HTTP " + std::to_string(response.status));
    return false;
  }
  const std::string media_type = fetcher::MediaType(response.content_type);
  if (IsNeverAFeed(media_type)) {
    Fail(job, "not a feed: the server sent content type '" + media_type + "'");
    return false;
  }
  if (response.body.empty()) {
    Fail(job, "empty response body");
    return false;
  }
  return true;
}

}  // namespace

void ReadFeed(SourceJob& job, fetcher::FetchResponse response, storage::ArticleStore& articles,
              int max_items, std::int64_t now) {
  if (!Classify(job, response)) return;
  feed::ParseOptions options;
  options.base_url = response.final_url.empty() ? job.source.url : response.final_url;
  options.content_type_charset = fetcher::Charset(response.content_type);
  options.default_time_zone = job.source.time_zone;
  options.now_unix = now;
  options.sanitize = false;  // the sanitizer runs last, on the body chosen (article_builder)
  auto parsed = feed::ParseFeed(response.body, options);
  if (!parsed.ok()) {
    Fail(job, parsed.error().message);
    return;
  }
  const model::FetchHints rss = ScanRssHints(response.body);
  job.hints.ttl_minutes = rss.ttl_minutes;
  job.hints.skip_hours = rss.skip_hours;
  job.hints.skip_days = rss.skip_days;
  response.body.clear();
  response.body.shrink_to_fit();

  feed::Feed& feed = parsed.value();
  job.outcome = model::FetchOutcome::kOk;
  job.update_validators = true;
  job.etag = response.etag;
  job.last_modified = response.last_modified;
  job.new_url = response.permanent_url;
  job.feed_title = TruncateUtf8(feed.title, 200);
  job.feed_language = model::PrimaryLanguage(feed.language);

  // Feeds list newest first, but not all do: the newest by date are the ones to keep.
  std::vector<feed::Entry>& entries = feed.entries;
  std::stable_sort(entries.begin(), entries.end(), [](const feed::Entry& a, const feed::Entry& b) {
    return a.published.value_or(a.updated.value_or(0)) >
           b.published.value_or(b.updated.value_or(0));
  });
  if (entries.size() > static_cast<std::size_t>(max_items)) {
    entries.resize(static_cast<std::size_t>(max_items));
  }
  for (feed::Entry& entry : entries) {
    Candidate candidate;
    candidate.guid = GuidOf(entry);
    candidate.canonical_url = dedup::CanonicalUrl(entry.link);
    auto by_guid = articles.FindIdByGuid(job.source.id, candidate.guid);
    if (!by_guid.ok()) {
      Fail(job, by_guid.error().message);
      job.candidates.clear();
      return;
    }
    auto by_url = by_guid->has_value()
                      ? Result<std::optional<std::int64_t>>(std::optional<std::int64_t>())
                      : articles.FindIdByCanonicalUrl(candidate.canonical_url);
    if (!by_url.ok()) {
      Fail(job, by_url.error().message);
      job.candidates.clear();
      return;
    }
    if (by_guid->has_value() || by_url->has_value()) {
      ++job.duplicates;
      // Full-text sources stored their item's page, not the feed's text: the feed cannot say
      // whether that changed, so they are not compared (docs/decisions/0009-newsroom.md).
      if (!job.source.full_text) {
        job.known_ids.push_back(by_guid->has_value() ? **by_guid : **by_url);
        candidate.entry = std::move(entry);
        job.known.push_back(std::move(candidate));
      }
      continue;
    }
    candidate.wants_full_text = job.source.full_text && !entry.link.empty();
    candidate.entry = std::move(entry);
    job.candidates.push_back(std::move(candidate));
  }
}

model::FetchHints ScanRssHints(std::string_view document) {
  model::FetchHints hints;
  // The channel's own elements come before its first item.
  document = document.substr(0, std::min<std::size_t>(document.size(), std::size_t{256} * 1024));
  const auto first_item = document.find("<item");
  if (first_item != std::string_view::npos) document = document.substr(0, first_item);
  auto element_text = [](std::string_view doc, std::string_view name, std::size_t from,
                         std::size_t* end) -> std::optional<std::string_view> {
    const std::string open = "<" + std::string(name) + ">";
    const std::string close = "</" + std::string(name) + ">";
    const auto start = doc.find(open, from);
    if (start == std::string_view::npos) return std::nullopt;
    const auto stop = doc.find(close, start + open.size());
    if (stop == std::string_view::npos) return std::nullopt;
    if (end != nullptr) *end = stop + close.size();
    return doc.substr(start + open.size(), stop - start - open.size());
  };
  auto trimmed_number = [](std::string_view s) -> std::optional<int> {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t')) {
      s.remove_prefix(1);
    }
    while (!s.empty() &&
           (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r')) {
      s.remove_suffix(1);
    }
    if (s.empty() || s.size() > 6) return std::nullopt;
    int v = 0;
    for (char c : s) {
      if (c < '0' || c > '9') return std::nullopt;
      v = v * 10 + (c - '0');
    }
    return v;
  };
  if (auto ttl = element_text(document, "ttl", 0, nullptr)) {
    if (auto minutes = trimmed_number(*ttl); minutes && *minutes > 0) hints.ttl_minutes = minutes;
  }
  if (auto hours = element_text(document, "skipHours", 0, nullptr)) {
    std::size_t pos = 0;
    for (int i = 0; i < 24; ++i) {
      std::size_t end = 0;
      auto hour = element_text(*hours, "hour", pos, &end);
      if (!hour) break;
      pos = end;
      if (auto h = trimmed_number(*hour); h && *h < 24) hints.skip_hours |= 1U << *h;
    }
  }
  if (auto days = element_text(document, "skipDays", 0, nullptr)) {
    static constexpr std::array<std::string_view, 7> kDays = {
        "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    for (std::size_t d = 0; d < kDays.size(); ++d) {
      if (days->find("<day>" + std::string(kDays[d]) + "</day>") != std::string_view::npos) {
        hints.skip_days = static_cast<std::uint8_t>(hints.skip_days | (1U << d));
      }
    }
  }
  return hints;
}

}  // namespace warta::ingest::pipeline
