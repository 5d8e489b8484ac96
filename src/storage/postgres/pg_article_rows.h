// Queries and row readers shared by the PostgreSQL stores that read articles (the SQLite twin
// is sqlite/article_queries.h). Internal to src/storage/postgres/.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "model/article.h"
#include "storage/postgres/pg_connection.h"

namespace warta::storage::postgres {

// The columns ReadArticleRow expects, of the table aliased "a".
inline constexpr const char* kArticleColumns =
    "a.id, a.title, a.source, a.url, a.published_at, a.created_at, a.updated_at, a.lang, "
    "a.body_html, a.slug, a.version, a.views, a.likes, a.comments, a.shares, a.source_id, "
    "a.story_id, (SELECT s.canonical = 'original' FROM sources s WHERE s.id = a.source_id), "
    "a.status, a.lead_media_id";

// A literal, so the partial indexes (articles_public_idx, ...) apply.
inline constexpr const char* kPublicOnly = "status = 'published'";

// Enough HTML to find ~280 bytes of excerpt text without reading multi-megabyte bodies per row.
inline constexpr std::int64_t kExcerptSourceChars = 8000;

// The columns ReadSummaryRow expects; the first parameter ($1) is kExcerptSourceChars.
inline constexpr const char* kSummaryColumns =
    "id, title, source, published_at, lang, slug, substr(body_html, 1, $1), views, likes, "
    "comments, shares, lead_media_id, coalesce(story_id, 0)";

Error NoSuchId(std::string_view what, std::int64_t id);

// Row `row` of a query selecting kArticleColumns (without tags and related reports); Corrupt
// for a status word model/ does not know.
Result<model::Article> ReadArticleRow(const Rows& rows, int row);

// Row `row` of a query selecting kSummaryColumns, its excerpt made from the body's start.
model::ArticleSummary ReadSummaryRow(const Rows& rows, int row);

// views, likes, comments, shares from column `first` on.
model::Counters CountersAt(const Rows& rows, int row, int first);

// Inserts the article's tags in their order (a repeat is ignored).
Result<void> InsertTags(Connection& connection, std::int64_t id,
                        const std::vector<std::string>& tags);

// The tags of one article, in their order.
Result<std::vector<std::string>> ReadTags(Connection& connection, std::int64_t article_id);

// The other sources' articles in the story of `article_id` (ArticleStore::AlsoReportedBy).
Result<std::vector<model::RelatedReport>> ReadAlsoReportedBy(Connection& connection,
                                                             std::int64_t article_id);

// `ids` as a PostgreSQL array literal ("{1,2,3}") for a $n::BIGINT[] parameter.
std::string IdArray(const std::vector<std::int64_t>& ids);
// `values` as a PostgreSQL array literal for a $n::TEXT[] parameter (each quoted and escaped).
std::string TextArray(const std::vector<std::string>& values);

}  // namespace warta::storage::postgres
