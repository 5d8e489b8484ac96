// The pipeline's stages, each a function of its inputs (internal to the pipeline). The
// order in which they run lives in pipeline.cpp and nowhere else.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "ingest/extractor/extractor.h"
#include "ingest/feed/feed.h"
#include "ingest/fetcher/fetcher.h"
#include "ingest/pipeline/page_decode.h"  // DecodePage
#include "media/library.h"
#include "model/article.h"
#include "model/fetch_schedule.h"
#include "model/source.h"
#include "storage/article_store.h"

namespace warta::ingest::pipeline {

// One feed entry on its way to the store.
struct Candidate {
  feed::Entry entry;
  std::string guid;           // entry id, else its link, else a hash of its text
  std::string canonical_url;  // of entry.link, "" when it has none
  bool wants_full_text = false;
  std::optional<extractor::Extraction> extraction;  // an acceptable one, when fetched
  std::int64_t lead_media_id = 0;  // its picture, when one was fetched and taken in
};

// One source's job in a run.
struct SourceJob {
  model::Source source;
  model::FetchOutcome outcome = model::FetchOutcome::kError;
  model::FetchHints hints;
  int status = 0;
  std::string error;  // why the fetch failed, "" otherwise
  std::string etag;
  std::string last_modified;
  bool update_validators = false;
  std::string new_url;
  std::string feed_title;
  std::string feed_language;
  std::vector<Candidate> candidates;
  int duplicates = 0;
  // Entries already stored from this source (by guid or URL), with the article's id in
  // known_ids: compared with the wire row for "source updated" (feed text only: no page
  // fetch, no picture).
  std::vector<Candidate> known;
  std::vector<std::int64_t> known_ids;
};

// --- feed_stage.cpp ---
// Accept header for feeds.
inline constexpr std::string_view kFeedAccept =
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
    "text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

// Classifies the response (error, 304, 410, HTTP error, wrong content type), parses a
// feed and fills job.candidates with the newest `max_items` entries that are not stored
// yet (by guid or canonical URL; the others count as duplicates).
void ReadFeed(SourceJob& job, fetcher::FetchResponse response, storage::ArticleStore& articles,
              int max_items, std::int64_t now);

// RSS <ttl>, <skipHours> and <skipDays> of the channel, read from the raw document (the
// parser's Feed does not carry them). Bounded scan; anything malformed is ignored.
model::FetchHints ScanRssHints(std::string_view document);

// --- page_stage.cpp ---
inline constexpr std::string_view kPageAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5";

// The extraction of a fetched article page, or an error saying why there is none (fetch
// error, HTTP status, not HTML, extractor error, not acceptable).
Result<extractor::Extraction> ExtractPage(const fetcher::FetchResponse& response,
                                          const std::vector<std::string>& iframe_hosts);

// --- picture_stage.cpp ---
// Accept header for pictures: the formats the media pipeline takes.
inline constexpr std::string_view kPictureAccept =
    "image/webp, image/jpeg, image/png, image/gif, image/heic;q=0.8, image/*;q=0.5";

// The picture of a candidate: the feed's (media:content, media:thumbnail, an image
// enclosure, as the parser chose) else its page's og:image, when it is an http(s) URL of at
// most limits::kMaxUrlBytes; "" otherwise.
std::string PictureUrl(const Candidate& candidate);

// Takes a fetched picture in through the media library (sniffed, decoded with its limits,
// re-encoded, stored once by content hash) and returns its id. Errors say why not: the
// transfer, an HTTP status other than 200, or the library's refusal.
Result<std::int64_t> TakePicture(media::MediaLibrary& library,
                                 const fetcher::FetchResponse& response);

// --- article_builder.cpp ---
struct BuiltArticle {
  model::NewArticle article;
  bool full_text = false;  // the body came from the page
};

// The article to store for a candidate: title, body (full text when extracted, else the
// feed's content, else its summary, else the title), date, language (the source's, else
// detected, else the feed's), fingerprints, slug. InvalidArgument when it cannot be made
// valid (model::ValidateNewArticle). iframe_hosts: the sanitizer's allowlist
// (ingest.iframe_hosts).
Result<BuiltArticle> BuildArticle(const SourceJob& job, const Candidate& candidate,
                                  std::int64_t now, const std::vector<std::string>& iframe_hosts);

// Cuts UTF-8 text to at most max_bytes without splitting a character.
std::string TruncateUtf8(std::string_view text, std::size_t max_bytes);

// --- store_stage.cpp ---
enum class StoreOutcome { kNew, kDuplicate };
struct Stored {
  StoreOutcome outcome = StoreOutcome::kNew;
  std::int64_t article_id = 0;
  bool clustered = false;
  std::optional<Error> cluster_error;  // why a stored article could not join its story
};

// Inserts the article unless the same text is already stored for this source, then joins
// it to the story of its nearest near-duplicate within the window. kAlreadyExists from the
// store (a concurrent ingest, or the same URL in another feed) is a duplicate, not an error.
// A failed clustering does not fail the store (the article is kept, only ungrouped): it is
// returned in cluster_error for the caller to report.
Result<Stored> StoreArticle(storage::ArticleStore& articles, const model::NewArticle& article,
                            std::int64_t cluster_window_seconds, int cluster_max_distance);

}  // namespace warta::ingest::pipeline
