// Feed sources and their health: plain values shared by storage, ingest and the CLI.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace warta::model {

// Which URL an ingested article's page names as canonical (<link rel="canonical">).
// kSelf: the page on this site (the default: a translation or summary is its own work).
// kOriginal: the outlet's article, for republished copies whose publisher wants search
// engines to credit the original; such pages also stay out of the sitemaps.
enum class CanonicalPolicy { kSelf, kOriginal };

std::string_view CanonicalPolicyName(CanonicalPolicy policy);  // "self", "original"
std::optional<CanonicalPolicy> ParseCanonicalPolicy(std::string_view name);

// What `source add` and OPML import hand to storage.
struct NewSource {
  std::string url;          // feed URL, absolute http(s)
  std::string name;         // display name, shown as the article's source; may be empty
  std::string site_url;     // the publication's home page (OPML htmlUrl), may be empty
  std::string lang;         // BCP 47 primary tag stated by the operator, "" to detect
  std::string time_zone;    // IANA zone for dates without an offset, "" for UTC
  std::string category;     // OPML outline path, "News/Japan", "" for none
  int refresh_minutes = 0;  // 0: the configured default
  bool full_text = false;   // fetch each article's page and extract the full text
  bool enabled = true;
  CanonicalPolicy canonical = CanonicalPolicy::kSelf;
  // New items wait in the newsroom's inbox (ArticleStatus::kHeld) instead of going public.
  bool review = false;
};

// A stored source with its fetch state. Times are unix seconds UTC, 0 for "never".
struct Source {
  std::int64_t id = 0;
  std::string url;
  std::string name;
  std::string site_url;
  std::string lang;
  std::string time_zone;
  std::string category;
  int refresh_minutes = 0;
  bool full_text = false;
  bool enabled = true;
  CanonicalPolicy canonical = CanonicalPolicy::kSelf;
  bool review = false;  // new items are held for an editor (NewSource::review)

  // HTTP cache validators of the last 200 response, sent back as If-None-Match and
  // If-Modified-Since; kept separately because servers honour one or the other.
  std::string etag;
  std::string last_modified;

  std::int64_t created_at = 0;
  std::int64_t last_fetch_at = 0;
  std::int64_t last_success_at = 0;
  std::int64_t next_fetch_at = 0;
  int last_status = 0;     // HTTP status of the last attempt, 0 when none was received
  std::string last_error;  // "" after a success
  int consecutive_errors = 0;
  std::int64_t items_total = 0;      // articles stored from this source, all time
  std::int64_t items_last_week = 0;  // articles stored in the 7 days before the listing

  // The name to show: the display name, or the feed URL's host when none was given.
  std::string DisplayName() const;
  // The operator's settings of this source, as a change starts from them.
  NewSource Settings() const;
  double ItemsPerDay() const { return static_cast<double>(items_last_week) / 7.0; }
};

// The outcome of one fetch of a source, written by the pipeline in one update.
struct FetchRecord {
  std::int64_t fetched_at = 0;
  int status = 0;        // HTTP status, 0 on a transport error
  bool success = false;  // 200 parsed, or 304
  std::string error;     // why it failed, "" on success
  int consecutive_errors = 0;
  std::int64_t next_fetch_at = 0;
  bool disable = false;            // 410 Gone: stop polling this source
  bool update_validators = false;  // etag and last_modified below replace the stored ones
  std::string etag;
  std::string last_modified;
  std::string new_url;  // non-empty after a permanent redirect
  std::int64_t items_added = 0;
  std::string feed_title;  // fills an empty display name
};

// Limits of operator-given source settings.
inline constexpr int kMaxRefreshMinutes = 7 * 24 * 60;
inline constexpr std::size_t kMaxCategoryBytes = 1000;

// Checks a source against those limits: url absolute http(s) without spaces and at most
// limits::kMaxUrlBytes; name at most limits::kMaxSourceBytes; lang a language tag or "";
// every text valid UTF-8; refresh_minutes in [0, kMaxRefreshMinutes].
// InvalidArgument (TooLarge for lengths) naming the field.
Result<void> ValidateNewSource(const NewSource& source);

// "en-US" -> "en", "JA" -> "ja"; "" when `tag` does not start with a 2-3 letter subtag.
std::string PrimaryLanguage(std::string_view tag);

}  // namespace warta::model
