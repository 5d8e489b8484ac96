// Read-only listings for what the site publishes about itself: feeds out (site, source, tag),
// sitemaps and the news sitemap. Kept apart from ArticleStore because these readers need
// whole bodies in bulk or only ids and dates, and are always behind a short cache. Every
// method sees published articles only (model::IsPublic): what a feed or sitemap lists is
// public, and an unpublished article leaves them at once.
//
// Errors: InvalidArgument for a limit or filter out of range (as each method says); Io or
// Unavailable when the database fails.
// Transactions: read-only; NewestArticles reads the articles and their tags in one snapshot.
// Thread safety: every method may be called from any thread concurrently (blocking I/O).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/article.h"

namespace warta::storage {

// Which articles a feed lists: the whole site when both are empty, else only those of one
// outlet (articles.source, exact) or carrying one tag (exact).
struct ListingFilter {
  std::string source;
  std::string tag;
};

// An article as a sitemap needs it.
struct SitemapRow {
  std::int64_t id = 0;
  std::string slug;
  std::string title;
  std::string lang;
  std::int64_t published_at = 0;
  std::int64_t updated_at = 0;
  // Its source names the original article as canonical (model::CanonicalPolicy): sitemaps
  // leave it out, as they should list canonical URLs only.
  bool canonical_elsewhere = false;
};

// A name and how many articles carry it.
using NameCount = std::pair<std::string, std::int64_t>;

inline constexpr int kMaxFeedItems = 200;
inline constexpr int kMaxSitemapRows = 50'000;
inline constexpr int kMaxNameRows = 10'000;

class ListingStore {
 public:
  virtual ~ListingStore() = default;

  // Newest first (published_at, then id), with body and tags; also_reported_by is left
  // empty. InvalidArgument when limit is outside [1, kMaxFeedItems] or both filter fields
  // are set.
  virtual Result<std::vector<model::Article>> NewestArticles(const ListingFilter& filter,
                                                             int limit) = 0;
  // Distinct non-empty outlet names / tags, most articles first, then by name; at most
  // `limit` (1..kMaxNameRows).
  virtual Result<std::vector<NameCount>> SourceNames(int limit) = 0;
  virtual Result<std::vector<NameCount>> TagNames(int limit) = 0;
  // Articles by id ascending, skipping `offset`; at most `limit` (1..kMaxSitemapRows).
  virtual Result<std::vector<SitemapRow>> SitemapRows(std::int64_t offset, int limit) = 0;
  // Articles with published_at in [since, until], newest first, at most `limit` (1..1000).
  virtual Result<std::vector<SitemapRow>> PublishedBetween(std::int64_t since, std::int64_t until,
                                                           int limit) = 0;
  // The largest updated_at of published and unpublished articles (a withdrawal changes the
  // sitemaps too), 0 when there are none (Last-Modified of sitemaps).
  virtual Result<std::int64_t> LastUpdated() = 0;
};

}  // namespace warta::storage
