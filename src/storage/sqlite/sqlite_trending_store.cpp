#include <string>

#include "core/clock.h"
#include "storage/sqlite/sqlite_trending.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kMaxTopLimit = 100;
constexpr std::size_t kMaxTags = 100;

Result<void> CheckPolicy(const model::TrendingPolicy& policy) {
  const bool weights_ok = policy.view_weight >= 0 && policy.like_weight >= 0 &&
                          policy.comment_weight >= 0 && policy.share_weight >= 0;
  if (policy.half_life_seconds > 0 && weights_ok) return Ok();
  return Error::InvalidArgument("storage: trending needs a positive half-life and weights >= 0");
}

std::string TopSql(std::size_t tags) {
  std::string sql =
      "SELECT id, title, slug, source, published_at, trend_score, views, likes, comments, "
      "shares FROM articles WHERE trend_score > 0 AND status = 'published' AND published_at >= ?1";
  if (tags > 0) {
    // The tag's articles within the age cutoff, from article_tags_listing_idx (listed_at is
    // published_at while public): without the bound, every article of the tag was looked up
    // (a quarter of a million rows, 0.5-1 s, for the biggest tag of a million-article site).
    sql +=
        " AND id IN (SELECT article_id FROM article_tags WHERE listed_at IS NOT NULL AND "
        "listed_at >= ?1 AND tag IN (" +
        Placeholders(tags) + "))";
  }
  return sql + " ORDER BY trend_score DESC, id DESC LIMIT ?";
}

}  // namespace

std::string Placeholders(std::size_t n) {
  std::string out = "?";
  for (std::size_t i = 1; i < n; ++i) out += ", ?";
  return out;
}

Result<void> SqliteTrendingStore::SetPolicy(const model::TrendingPolicy& policy, std::int64_t now) {
  WARTA_RETURN_IF_ERROR(CheckPolicy(policy));
  policy_.Set(policy);
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto scale, ReadTrendingScale(connection));
    if (scale.half_life_seconds == policy.half_life_seconds) return Ok();
    return RebaseTrending(connection, now, policy.half_life_seconds);
  });
}

Result<void> SqliteTrendingStore::Credit(std::int64_t article_id, model::EngagementKind kind,
                                         std::int64_t count, std::int64_t at) {
  if (count < 0) {
    return Error::InvalidArgument("storage: negative trending credit");
  }
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto exists, connection.Prepare("SELECT 1 FROM articles WHERE id = ?"));
    exists.Bind(1, article_id);
    WARTA_RETURN_IF_ERROR(RunOrNotFound(exists, "article", article_id));
    return CreditTrending(connection, policy_.Get(), article_id, kind, count, at, UnixNow());
  });
}

Result<std::vector<PopularArticle>> SqliteTrendingStore::Top(const PopularQuery& query) {
  if (query.limit < 1 || query.limit > kMaxTopLimit || query.tags.size() > kMaxTags) {
    return Error::InvalidArgument("storage: popular list bounds out of range");
  }
  // One snapshot: the scale and the scores agree.
  return InReadTransaction<std::vector<PopularArticle>>(
      pool_, [&](Connection& connection) -> Result<std::vector<PopularArticle>> {
        WARTA_ASSIGN_OR_RETURN(auto scale, ReadTrendingScale(connection));
        auto bind = [&](Statement& stmt) {
          int index = 1;
          stmt.Bind(index++, query.published_after);
          for (const std::string& tag : query.tags) stmt.Bind(index++, tag);
          stmt.Bind(index, std::int64_t{query.limit});
        };
        auto read = [&](const Statement& stmt) {
          PopularArticle a;
          a.id = stmt.Int64(0);
          a.title = stmt.Text(1);
          a.slug = stmt.Text(2);
          a.source = stmt.Text(3);
          a.published_at = stmt.Int64(4);
          a.score =
              model::DecayedScore(stmt.Double(5), scale.epoch, query.now, scale.half_life_seconds);
          a.counters = {stmt.Int64(6), stmt.Int64(7), stmt.Int64(8), stmt.Int64(9)};
          return a;
        };
        return QueryAll(connection, TopSql(query.tags.size()), bind, read);
      });
}

}  // namespace warta::storage::sqlite
