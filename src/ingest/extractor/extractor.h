// Full-text extraction: the article of a saved or fetched web page (its main text without
// menus, sidebars, comments, share bars and ads), with its metadata, sanitized and ready to
// store. For summary-only feeds: the ingest pipeline fetches the item's page and calls this.
//
// The content is found by a readability-style scorer (Mozilla Readability's algorithm,
// re-implemented on gumbo's HTML5 tree; see scorer.h): paragraphs score by length and commas,
// ancestors collect their scores, link-heavy blocks lose, class/id hints add or subtract, and
// the best block plus its related siblings is the article. Metadata comes from JSON-LD
// (schema.org Article), <meta> tags (Open Graph, Dublin Core, Twitter, Parse.ly), <title>,
// <time> and <html lang>.
//
// Input is hostile: it is bounded in size (ExtractOptions::max_input_bytes), parse time and
// memory (the sanitizer's bounded gumbo parser), and depth (deeper elements are flattened).
// The HTML must be UTF-8 (callers decode other charsets first); invalid bytes become U+FFFD.
//
// Thread safety: Extract is reentrant.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace warta::ingest::extractor {

// Whole pages are larger than article bodies: 8 MB holds any real article page (with its
// inline scripts and styles); gumbo's memory for it stays within the parser's arena cap.
inline constexpr std::size_t kMaxPageBytes = std::size_t{8} * 1024 * 1024;
// Parse budget for one page (gumbo is quadratic on deeply nested tags; see sanitizer.h).
inline constexpr double kMaxPageParseCpuSeconds = 3.0;
// Scoring budget: real pages need milliseconds (Release); pages built to be deep and wide at
// once would need far more.
inline constexpr double kMaxExtractCpuSeconds = 5.0;

struct ExtractOptions {
  // The page's address: base for relative links and images (a <base href> in the page
  // applies on top of it). Empty: the page's canonical URL (<link rel=canonical>, og:url)
  // if absolute, else relative links stay relative.
  std::string url;
  // Quality checks deciding Extraction::acceptable.
  std::size_t min_text_chars = 250;  // see Extraction::text_chars
  double max_link_density = 0.5;
  // Passed to the sanitizer: hosts whose https iframes (videos) may stay.
  std::vector<std::string> iframe_hosts;
  std::size_t max_input_bytes = kMaxPageBytes;
  double max_parse_cpu_seconds = kMaxPageParseCpuSeconds;
  // CPU time for scoring and cleaning after the parse (see budget.h).
  double max_cpu_seconds = kMaxExtractCpuSeconds;
};

struct Extraction {
  std::string title;          // plain text; never empty when the page has a <title> or <h1>
  std::string byline;         // author(s) as the page names them, or ""
  std::string published_raw;  // publication date as the page states it, or ""
  std::optional<std::int64_t> published;  // the same as unix seconds, when it parses
  std::string lang;                       // "en", "id", "ja-JP", ... or ""
  std::string dir;                        // "rtl" / "ltr" when the page states it, or ""
  std::string site_name;                  // og:site_name / JSON-LD publisher, or ""
  std::string excerpt;                    // the page's description, or ""
  std::string lead_image;     // absolute http(s) URL of the main image (og:image), or ""
  std::string canonical_url;  // absolute, from the page, or ""
  std::string content_html;   // the article, sanitized (safe to print raw)
  std::string text;           // plain text of content_html (paragraphs apart by blank lines)

  // Quality: what the pipeline keeps. text_chars counts characters of `text` outside white
  // space, CJK ideographs/kana/hangul counting two (one holds about a word).
  std::size_t text_chars = 0;
  double link_density = 0;  // share of the article's text inside links
  bool acceptable = false;
  std::string reason;  // when not acceptable: "no content", "too short: ...", "too many links: ..."
};

// Extracts the article of `html`. Errors: kTooLarge (over max_input_bytes) and kTimeout
// (the page is too complex to parse or score within the CPU budgets). A page without an article is
// not an error: the result has acceptable == false and a reason.
Result<Extraction> Extract(std::string_view html, const ExtractOptions& options);

// "2024-11-01T12:00:00+09:00", "2024-11-01", "2024-11-01 12:00", RFC 822 dates
// ("Fri, 01 Nov 2024 12:00:00 +0900") -> unix seconds; no zone reads as UTC.
std::optional<std::int64_t> ParsePageDate(std::string_view text);

}  // namespace warta::ingest::extractor
