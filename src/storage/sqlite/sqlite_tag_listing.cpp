// A tag's articles, newest first: keyset pages and bounded counts on article_tags_listing_idx
// (tag, listed_at DESC, article_id DESC), whose listed_at the triggers of migration 11 keep
// equal to the article's published_at while it is public.
#include <string>

#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/sqlite_trending.h"
#include "storage/sqlite/statement_helpers.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kMaxListLimit = 1000;
constexpr std::size_t kMaxTags = 100;

Result<void> CheckTags(const std::vector<std::string>& tags) {
  if (!tags.empty() && tags.size() <= kMaxTags) return Ok();
  return Error::InvalidArgument("storage: 1 to 100 tags expected");
}

// The newest `arm_limit` listed articles of each tag (older than the cursor when there is one),
// merged: each arm is one range scan of the listing index, and the merge sorts at most
// tags x arm_limit rows. Parameters: the excerpt length, then per tag (tag[, cursor time, cursor
// id], arm_limit), then the page's limit and offset.
std::string MergedListSql(std::size_t tags, bool cursor) {
  std::string arms;
  for (std::size_t i = 0; i < tags; ++i) {
    if (i > 0) arms += " UNION ";
    arms +=
        "SELECT article_id FROM (SELECT article_id FROM article_tags WHERE tag = ? AND "
        "listed_at IS NOT NULL";
    if (cursor) arms += " AND (listed_at, article_id) < (?, ?)";
    arms += " ORDER BY listed_at DESC, article_id DESC LIMIT ?)";
  }
  return std::string("SELECT ") + kSummaryColumns + " FROM articles WHERE " + kPublicOnly +
         " AND id IN (" + arms + ") ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?";
}

Result<std::vector<model::ArticleSummary>> ListMerged(ConnectionPool& pool,
                                                      const std::vector<std::string>& tags,
                                                      int limit, int offset,
                                                      const std::optional<ListCursor>& after) {
  WARTA_RETURN_IF_ERROR(CheckTags(tags));
  if (limit < 0 || offset < 0 || limit > kMaxListLimit || offset > kMaxListOffset) {
    return Error::InvalidArgument("storage: list bounds out of range");
  }
  if (limit == 0) return std::vector<model::ArticleSummary>{};
  return QueryAll(
      pool, MergedListSql(tags.size(), after.has_value()),
      [&](Statement& stmt) {
        int index = 1;
        stmt.Bind(index++, kExcerptSourceChars);
        for (const std::string& tag : tags) {
          stmt.Bind(index++, tag);
          if (after) {
            stmt.Bind(index, after->published_at).Bind(index + 1, after->id);
            index += 2;
          }
          stmt.Bind(index++, std::int64_t{limit} + offset);
        }
        stmt.Bind(index++, std::int64_t{limit});
        stmt.Bind(index, std::int64_t{offset});
      },
      ReadSummaryRow);
}

}  // namespace

Result<std::vector<model::ArticleSummary>> SqliteTagStore::ListByTags(
    const std::vector<std::string>& tags, int limit, int offset) {
  return ListMerged(pool_, tags, limit, offset, std::nullopt);
}

Result<std::vector<model::ArticleSummary>> SqliteTagStore::ListByTagsAfter(
    const std::vector<std::string>& tags, int limit, const std::optional<ListCursor>& after) {
  return ListMerged(pool_, tags, limit, 0, after);
}

Result<std::int64_t> SqliteTagStore::CountByTags(const std::vector<std::string>& tags,
                                                 std::int64_t cap) {
  WARTA_RETURN_IF_ERROR(CheckTags(tags));
  if (cap < 1 || cap > kMaxCountCap)
    return Error::InvalidArgument("storage: count cap out of range");
  // At most `cap` index entries: when they are all there, the tag has at least cap articles.
  return QueryOneInt64(
      pool_,
      "SELECT CASE WHEN count(*) >= ?1 THEN ?1 ELSE count(DISTINCT article_id) END FROM "
      "(SELECT article_id FROM article_tags WHERE tag IN (" +
          Placeholders(tags.size()) + ") AND listed_at IS NOT NULL LIMIT ?1)",
      [&](Statement& stmt) {
        stmt.Bind(1, cap);
        int index = 2;
        for (const std::string& tag : tags) stmt.Bind(index++, tag);
      });
}

}  // namespace warta::storage::sqlite
