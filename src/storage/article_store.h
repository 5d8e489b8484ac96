// Articles: the rows ingest and `article add` write and every page reads, with their tags,
// stories and counters. Public reads (ListNewest, Count, AlsoReportedBy) see published
// articles only (model::IsPublic); FindById sees every status, for the web to tell a draft
// (404) from a withdrawn article (410). The newsroom edits through storage/editorial_store.h.
//
// Errors: NotFound for an unknown id where stated; InvalidArgument or TooLarge for values
// the store refuses (nothing written); AlreadyExists for a second article with the same
// ingest key; Io or Unavailable when the database fails.
// Transactions: every method is one transaction; a read sees one snapshot.
// Durability: writes are committed before returning and survive a process crash; they are
// not synced to disk, so a power cut may lose the last ones (ingest fetches them again).
// Thread safety: every method may be called from any thread concurrently; each blocks on
// database I/O, so pages read articles through the web's caches, not per request.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "model/article.h"

namespace warta::storage {

// One article's near-duplicate fingerprint, for clustering (ArticleStore::RecentSimhashes).
struct SimhashCandidate {
  std::int64_t article_id = 0;
  std::int64_t source_id = 0;  // 0 when not from a feed
  std::int64_t story_id = 0;   // 0 when in no story yet
  std::uint64_t simhash = 0;
};

// An ingested article as `source reextract` needs it.
struct ArticleRef {
  std::int64_t id = 0;
  std::string url;
  std::string title;
};

class ArticleStore {
 public:
  virtual ~ArticleStore() = default;

  // Inserts the article with its tags in one transaction, committed before returning, and
  // returns the new id. Validates with model::ValidateNewArticle first (InvalidArgument or
  // TooLarge, nothing written). published_at 0 means "now". initial.comments is ignored:
  // the comments counter follows the stored comments. status is kPublished or kHeld
  // (InvalidArgument otherwise); an ingested article (source_id > 0) also gets its wire
  // provenance row (the item as it came, kept unchanged) in the same transaction.
  virtual Result<std::int64_t> Insert(const model::NewArticle& article) = 0;
  // The article with its tags (in the order given at insert). NotFound when there is no
  // such id.
  virtual Result<model::Article> FindById(std::int64_t id) = 0;
  // Published articles, newest first by published_at, then id; excerpt is ~280 bytes of the
  // body's plain text.
  // InvalidArgument when limit is outside [0, 1000] or offset is negative.
  virtual Result<std::vector<model::ArticleSummary>> ListNewest(int limit, int offset) = 0;
  // Published articles.
  virtual Result<std::int64_t> Count() = 0;
  // Current stored counters of one article.
  virtual Result<model::Counters> GetCounters(std::int64_t id) = 0;
  // Adds buffered view deltas (article id, delta) in one transaction and returns the new
  // stored totals in the same order; the same views are added to the per-day totals of
  // `day` (days since 1970 in the site's time zone, core/day.h) in that transaction. Ids
  // that no longer exist are skipped (total -1). InvalidArgument (nothing written) for a
  // negative delta or day.
  virtual Result<std::vector<std::int64_t>> AddViews(
      const std::vector<std::pair<std::int64_t, std::int64_t>>& deltas, std::int64_t day) = 0;

  // --- ingest ---
  // Ids of an already stored article with the same key, or nullopt. Empty keys match nothing.
  virtual Result<std::optional<std::int64_t>> FindIdByGuid(std::int64_t source_id,
                                                           const std::string& guid) = 0;
  virtual Result<std::optional<std::int64_t>> FindIdByCanonicalUrl(
      const std::string& canonical_url) = 0;
  virtual Result<std::optional<std::int64_t>> FindIdByContentHash(
      std::int64_t source_id, const std::string& content_hash) = 0;
  // Fingerprints of articles published in [from, to] (unix seconds), newest first, at most
  // `limit` (InvalidArgument outside [1, 100000]).
  virtual Result<std::vector<SimhashCandidate>> RecentSimhashes(std::int64_t from, std::int64_t to,
                                                                int limit) = 0;
  // Puts `article_id` into the story of `member_id` (creating the story when the member has
  // none; merging when both have one) in one transaction, and bumps the version of every
  // article of the story, since their pages list each other. Returns the story id.
  // NotFound when either article does not exist.
  virtual Result<std::int64_t> JoinStory(std::int64_t article_id, std::int64_t member_id) = 0;
  // The other sources' published articles in the article's story, one per source name,
  // oldest first; empty when it is in no story.
  virtual Result<std::vector<model::RelatedReport>> AlsoReportedBy(std::int64_t article_id) = 0;
  // The newest articles of one source (by published_at), at most `limit` (1..1000).
  virtual Result<std::vector<ArticleRef>> ListBySource(std::int64_t source_id, int limit) = 0;
  // Replaces the (sanitized) body and bumps the version. NotFound for an unknown id;
  // InvalidArgument/TooLarge under the same rules as Insert.
  virtual Result<void> UpdateBody(std::int64_t id, const std::string& body_html) = 0;
};

}  // namespace warta::storage
