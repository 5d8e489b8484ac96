// A tag's articles on PostgreSQL, as in sqlite/sqlite_tag_listing.cpp: keyset pages and
// bounded counts on article_tags_listing_idx (tag, listed_at DESC, article_id DESC).
#include <string>

#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

constexpr int kMaxListLimit = 1000;
constexpr std::size_t kMaxTags = 100;

Result<void> CheckTags(const std::vector<std::string>& tags) {
  if (!tags.empty() && tags.size() <= kMaxTags) return Ok();
  return Error::InvalidArgument("storage: 1 to 100 tags expected");
}

// Per tag (a LATERAL arm: one range scan of the listing index, at most $3 rows), merged and
// sorted: at most tags x $3 rows, whatever the size of the tags. $1 excerpt length, $2 tags,
// $3 rows per tag, $4 limit, $5 offset, [$6 $7 the cursor].
std::string MergedListSql(bool cursor) {
  return std::string("SELECT ") + kSummaryColumns + " FROM articles WHERE " + kPublicOnly +
         " AND id IN (SELECT l.article_id FROM unnest($2::TEXT[]) AS n(tag) CROSS JOIN LATERAL "
         "(SELECT x.article_id FROM article_tags x WHERE x.tag = n.tag AND x.listed_at IS NOT "
         "NULL" +
         (cursor ? " AND (x.listed_at, x.article_id) < ($6::BIGINT, $7::BIGINT)" : "") +
         " ORDER BY x.listed_at DESC, x.article_id DESC LIMIT $3) l)"
         " ORDER BY published_at DESC, id DESC LIMIT $4 OFFSET $5";
}

Result<std::vector<model::ArticleSummary>> ListMerged(Pool& pool,
                                                      const std::vector<std::string>& tags,
                                                      int limit, int offset,
                                                      const std::optional<ListCursor>& after) {
  WARTA_RETURN_IF_ERROR(CheckTags(tags));
  if (limit < 0 || offset < 0 || limit > kMaxListLimit || offset > kMaxListOffset) {
    return Error::InvalidArgument("storage: list bounds out of range");
  }
  std::vector<model::ArticleSummary> out;
  if (limit == 0) return out;
  Params params;
  params.Add(kExcerptSourceChars).Add(TextArray(tags)).Add(limit + offset).Add(limit).Add(offset);
  if (after) params.Add(after->published_at).Add(after->id);
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool, MergedListSql(after.has_value()), params));
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadSummaryRow(rows, i));
  return out;
}

}  // namespace

Result<std::vector<model::ArticleSummary>> PgTagStore::ListByTags(
    const std::vector<std::string>& tags, int limit, int offset) {
  return ListMerged(pool_, tags, limit, offset, std::nullopt);
}

Result<std::vector<model::ArticleSummary>> PgTagStore::ListByTagsAfter(
    const std::vector<std::string>& tags, int limit, const std::optional<ListCursor>& after) {
  return ListMerged(pool_, tags, limit, 0, after);
}

Result<std::int64_t> PgTagStore::CountByTags(const std::vector<std::string>& tags,
                                             std::int64_t cap) {
  WARTA_RETURN_IF_ERROR(CheckTags(tags));
  if (cap < 1 || cap > kMaxCountCap)
    return Error::InvalidArgument("storage: count cap out of range");
  // At most `cap` index entries: when they are all there, the tag has at least cap articles.
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_,
                "SELECT CASE WHEN count(*) >= $1 THEN $1 ELSE count(DISTINCT article_id) END "
                "FROM (SELECT article_id FROM article_tags WHERE tag = ANY($2::TEXT[]) "
                "AND listed_at IS NOT NULL LIMIT $1) c",
                Params().Add(cap).Add(TextArray(tags))));
  return rows.Int64(0, 0);
}

}  // namespace warta::storage::postgres
