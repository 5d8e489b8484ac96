// Queries and row readers shared by the SQLite stores that read articles or change their
// counters. Internal to src/storage/sqlite/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/article.h"
#include "storage/sqlite/database.h"

namespace warta::storage::sqlite {

// The columns ReadArticleRow expects, of the table aliased "a".
inline constexpr const char* kArticleColumns =
    "a.id, a.title, a.source, a.url, a.published_at, a.created_at, a.updated_at, a.lang, "
    "a.body_html, a.slug, a.version, a.views, a.likes, a.comments, a.shares, a.source_id, "
    "a.story_id, (SELECT s.canonical = 'original' FROM sources s WHERE s.id = a.source_id), "
    "a.status, a.lead_media_id";

// What every public read adds to its WHERE: drafts, held, scheduled, unpublished and
// discarded articles are the newsroom's alone. A literal, so the partial indexes
// (articles_public_idx, ...) apply.
inline constexpr const char* kPublicOnly = "status = 'published'";

// One article row selected with kArticleColumns (without its tags and related reports);
// Corrupt for a status word model/ does not know.
Result<model::Article> ReadArticleRow(const Statement& stmt);

// Enough HTML to find ~280 bytes of excerpt text without reading multi-megabyte bodies per row.
inline constexpr std::int64_t kExcerptSourceChars = 8000;

// The columns ReadSummaryRow expects; the one parameter is kExcerptSourceChars.
inline constexpr const char* kSummaryColumns =
    "id, title, source, published_at, lang, slug, substr(body_html, 1, ?), views, likes, "
    "comments, shares, lead_media_id, coalesce(story_id, 0)";

// One list entry selected with kSummaryColumns, its excerpt made from the body's start.
model::ArticleSummary ReadSummaryRow(const Statement& stmt);

// views, likes, comments, shares from column `first` on.
model::Counters CountersAt(const Statement& stmt, int first);

// Runs a bound statement about `article_id` whose one row is the four counters (a SELECT, or
// an UPDATE ... RETURNING); kNotFound when the article does not exist.
Result<model::Counters> ReturnedCounters(Statement& stmt, std::int64_t article_id);

// Inserts the article's tags in their order (a repeat is ignored) and indexes them for
// search (a no-op for an article that is not public: it has no search row).
Result<void> InsertTags(Connection& connection, std::int64_t id,
                        const std::vector<std::string>& tags);

// The tags of one article, in their order.
Result<std::vector<std::string>> ReadTags(Connection& connection, std::int64_t article_id);

// The other sources' articles in the story of `article_id` (see ArticleStore::AlsoReportedBy).
Result<std::vector<model::RelatedReport>> ReadAlsoReportedBy(Connection& connection,
                                                             std::int64_t article_id);

}  // namespace warta::storage::sqlite
