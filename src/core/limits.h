// Every hard limit of warta in one place, each with its reason (after sqliteLimit.h).
// Configurable limits have their defaults here and their keys in config/options.cpp.
#pragma once

#include <cstddef>
#include <cstdint>

namespace warta::limits {

// HTTP: Beast's parser refuses anything larger with 431/413 before we allocate for it.
inline constexpr std::size_t kDefaultMaxHeaderBytes =
    std::size_t{16} * 1024;  // big cookies + long URLs
inline constexpr std::size_t kDefaultMaxBodyBytes =
    std::size_t{1024} * 1024;                          // forms and JSON API calls
inline constexpr int kDefaultReadTimeoutSeconds = 15;  // slowloris: a request must arrive in time
inline constexpr int kDefaultIdleTimeoutSeconds = 60;  // keep-alive connections then close
inline constexpr int kShutdownDrainSeconds = 10;       // SIGTERM waits this long for in-flight

// Articles: bounded so one import cannot bloat every page render.
inline constexpr std::size_t kMaxArticleJsonBytes = std::size_t{4} * 1024 * 1024;
inline constexpr std::size_t kMaxTitleBytes = 1000;
inline constexpr std::size_t kMaxSourceBytes = 200;
inline constexpr std::size_t kMaxUrlBytes = 2048;
inline constexpr std::size_t kMaxBodyBytes = std::size_t{2} * 1024 * 1024;
inline constexpr std::size_t kMaxTags = 50;
inline constexpr std::size_t kMaxTagBytes = 100;
inline constexpr std::int64_t kMaxInitialCounter = 1'000'000'000'000;  // imports of old totals

// The Admin API's JSON bodies: the largest article (200,000 characters of Markdown, up to
// 4 bytes each in UTF-8) with room for its other fields; the server's own body limit
// (server.max_body_bytes) may be lower.
inline constexpr std::size_t kMaxAdminJsonBytes = std::size_t{1024} * 1024;
// Rows of one page of an admin list: enough for a screen, bounded for the database.
inline constexpr int kMaxAdminPageRows = 200;

// Ids in URLs: anything longer cannot be a valid int64 row id.
inline constexpr std::size_t kMaxIdDigits = 18;

// Pages.
inline constexpr int kHomePageSize = 20;
inline constexpr int kMaxPageNumber = 10'000;

// Views: the dedup window per visitor and article, and the memory it may take.
inline constexpr int kViewWindowSeconds = 30 * 60;
inline constexpr std::size_t kDefaultMaxTrackedViews = 2'000'000;  // ~100 MB worst case
inline constexpr int kDefaultFlushIntervalMs = 1000;               // loss window on a hard crash

// Spam classifier: a comment is short; bounding what one text contributes keeps a pasted
// novel from costing more than a comment and from flooding the token table.
inline constexpr std::size_t kSpamMaxInputBytes = std::size_t{32} * 1024;  // the rest is ignored
inline constexpr std::size_t kSpamMaxTokensPerText = 300;                  // distinct tokens
inline constexpr std::size_t kSpamMaxTokenBytes = 64;  // longer words are one "long word" token
inline constexpr std::size_t kSpamMaxMessagesPerBatch = 10'000;  // one training transaction

// Pictures (docs/decisions/0010-pictures.md). An image over the byte or pixel limit is refused
// before its pixels are decoded: a decompression bomb (a 20,000 x 20,000 PNG of one colour is
// ~1 MB) never allocates. Configurable as media.max_upload_bytes and media.max_pixels.
inline constexpr std::int64_t kDefaultMaxUploadBytes =
    std::int64_t{20} * 1024 * 1024;  // phone photos are 2-12 MB
inline constexpr std::int64_t kDefaultMaxImagePixels =
    50'000'000;  // every frame of an animation counted; ~200 MB decoded at worst
// Frames of an animation: a GIF of 300 tiny frames is within the pixel limit but costs an
// encode per frame per rendition.
inline constexpr int kMaxAnimationFrames = 300;
// alt, caption and credit of a picture: a sentence or two, not an article.
inline constexpr std::size_t kMaxMediaTextBytes = 2000;

// Accept-Language: browsers send well under 200 bytes and a handful of ranges; a longer
// header is hostile or broken and is ignored (the site's default locale is served).
inline constexpr std::size_t kMaxAcceptLanguageBytes = 1024;
inline constexpr std::size_t kMaxAcceptLanguageRanges = 32;

}  // namespace warta::limits
