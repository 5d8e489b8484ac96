// Feed parser: RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1 bytes, as a
// fetcher received them, into one normalized Feed value.
//
// Every input is hostile. The parser:
// - refuses inputs over kMaxFeedBytes (TooLarge) and keeps at most kMaxEntries entries;
// - decodes the bytes to UTF-8 from the BOM, the HTTP charset, or the XML declaration
//   (UTF-8/16, ISO-8859-x, Windows-125x, KOI8, Shift_JIS, EUC-JP, GB, Big5, ... via ICU);
// - recovers from malformed XML (bare "&", HTML entities such as &nbsp;, mismatched or
//   missing end tags, truncation, undeclared namespace prefixes) and sets `bozo` when it did;
// - never loads anything from the network or the file system and never lets libxml2 see a
//   DTD: the repair pass removes the DOCTYPE and expands internal entities itself, only
//   when their value is plain text and within a small budget, so billion-laughs, quadratic
//   blowup and XXE documents parse to harmless text;
// - makes titles plain text, links absolute (xml:base, then ParseOptions::base_url) and
//   summary/content safe HTML (the sanitizer, unless ParseOptions::sanitize is false);
// - reads dates in every form seen in the wild (RFC 822 and its variants, RFC 3339, W3CDTF,
//   named zones such as JST/WIB/EST); dates without a zone are in default_time_zone, and
//   dates after now_unix are clamped to it.
//
// Thread safety: ParseFeed is reentrant; it shares no mutable state between calls.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace warta::ingest::feed {

// A feed body above this is refused before any parsing: no news feed comes close (a
// 500-item full-text feed is ~5 MB), and libxml2's tree costs several times the input.
inline constexpr std::size_t kMaxFeedBytes = std::size_t{16} * 1024 * 1024;
// Entries beyond this are dropped (and the feed marked bozo): it bounds the work per fetch.
inline constexpr std::size_t kMaxEntries = 5000;
// Internal DTD entities are expanded as text up to this many bytes per document; the rest
// of their references are dropped. Enough for the odd "&company;", nothing like an attack.
inline constexpr std::size_t kMaxEntityExpansionBytes = std::size_t{64} * 1024;

enum class Format { kUnknown, kRss090, kRss091, kRss092, kRss20, kRss10, kAtom03, kAtom10, kJson };

// "rss20", "rss10", "atom10", "json1", ... (the names feedparser uses).
const char* FormatName(Format format);

struct ParseOptions {
  // The feed's own URL: relative links resolve against it (after xml:base). May be empty.
  std::string base_url;
  // charset= of the HTTP Content-Type, or empty. Wins over the XML declaration (RFC 7303),
  // loses to a BOM.
  std::string content_type_charset;
  // IANA zone ("Asia/Tokyo") for dates that carry no zone; empty or unknown means UTC.
  std::string default_time_zone;
  // Dates later than this (unix seconds) are clamped to it; 0 disables clamping.
  std::int64_t now_unix = 0;
  // Run summary and content through the sanitizer (Profile::kArticle, with the entry's
  // base URL). Turn off only when the caller sanitizes itself.
  bool sanitize = true;
};

struct Enclosure {
  std::string url;   // absolute
  std::string type;  // MIME type, may be empty
  std::int64_t length = 0;
};

struct Entry {
  std::string id;     // guid / id / rdf:about / JSON id, as given (may be empty)
  std::string title;  // plain text, white space collapsed
  std::string link;   // absolute URL of the article page, or empty
  std::optional<std::int64_t> published;  // unix seconds
  std::optional<std::int64_t> updated;    // unix seconds; not filled from published
  std::string author;                     // plain text name (or e-mail when no name)
  std::string summary;                    // HTML (sanitized unless options.sanitize is false)
  std::string content;                    // HTML, the full text when the feed has it
  std::vector<std::string> categories;
  std::vector<Enclosure> enclosures;
  std::string image;     // absolute URL of the lead image (media:thumbnail, image enclosure, ...)
  std::string base_url;  // what relative URLs inside summary/content resolve against
};

struct Feed {
  Format format = Format::kUnknown;
  bool bozo = false;           // the input was not well-formed; what could be read is here
  std::string bozo_reason;     // the first problem, for logs ("xml: 7:4: unbound prefix atom")
  std::string title;           // plain text
  std::string link;            // the site's home page (alternate link), absolute
  std::string language;        // as declared ("en-us"), or empty
  std::string encoding;        // the encoding the bytes were decoded from ("UTF-8", "Shift_JIS")
  std::vector<Entry> entries;  // document order
};

// Parses one feed. Errors: TooLarge (over kMaxFeedBytes), InvalidArgument when the bytes
// are not a feed at all (HTML page, other XML vocabulary, JSON that is not a JSON Feed,
// empty input). Anything that is recognizably a feed parses, with bozo set if it was broken.
Result<Feed> ParseFeed(std::string_view bytes, const ParseOptions& options);

}  // namespace warta::ingest::feed
