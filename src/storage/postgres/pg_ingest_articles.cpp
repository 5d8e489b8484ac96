// The article store's ingest queries on PostgreSQL: dedup keys, near-duplicate fingerprints,
// stories.
#include "core/ascii.h"
#include "core/clock.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_search_index.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/pg_transaction.h"

namespace warta::storage::postgres {
namespace {

constexpr int kMaxSimhashLimit = 100'000;
constexpr int kMaxBySourceLimit = 1000;

Result<std::optional<std::int64_t>> QueryId(Pool& pool, std::string_view sql,
                                            const Params& params) {
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool, sql, params));
  if (rows.empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows.Int64(0, 0));
}

// The article's story (0 for none), its row locked: two nodes clustering the same articles
// at once serialize here instead of each creating a story.
Result<std::int64_t> StoryOf(Connection& connection, std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows, connection.Query("SELECT coalesce(story_id, 0) FROM articles WHERE id = $1 "
                                  "FOR UPDATE",
                                  Params().Add(article_id)));
  if (rows.empty()) return NoSuchId("article", article_id);
  return rows.Int64(0, 0);
}

Result<std::int64_t> JoinStoryIn(Connection& c, std::int64_t article_id, std::int64_t member_id) {
  // Lock in id order so two joins of the same pair cannot deadlock.
  const bool article_first = article_id <= member_id;
  WARTA_ASSIGN_OR_RETURN(auto first, StoryOf(c, article_first ? article_id : member_id));
  WARTA_ASSIGN_OR_RETURN(auto second, StoryOf(c, article_first ? member_id : article_id));
  const std::int64_t mine = article_first ? first : second;
  const std::int64_t theirs = article_first ? second : first;
  const std::int64_t now = UnixNow();
  std::int64_t story = theirs != 0 ? theirs : mine;
  if (story == 0) {
    WARTA_ASSIGN_OR_RETURN(auto rows,
                           c.Query("INSERT INTO stories (created_at, updated_at) VALUES ($1, $1) "
                                   "RETURNING id",
                                   Params().Add(now)));
    story = rows.Int64(0, 0);
  }
  if (mine != 0 && mine != story) {  // merge the article's old story into this one
    WARTA_RETURN_IF_ERROR(c.Run("UPDATE articles SET story_id = $1 WHERE story_id = $2",
                                Params().Add(story).Add(mine)));
    WARTA_RETURN_IF_ERROR(c.Run("DELETE FROM stories WHERE id = $1", Params().Add(mine)));
  }
  WARTA_RETURN_IF_ERROR(c.Run("UPDATE articles SET story_id = $1 WHERE id = $2 OR id = $3",
                              Params().Add(story).Add(article_id).Add(member_id)));
  // Every page of the story lists the others: a new version makes caches re-render them.
  WARTA_RETURN_IF_ERROR(
      c.Run("UPDATE articles SET version = version + 1, updated_at = $1 WHERE story_id = $2",
            Params().Add(now).Add(story)));
  WARTA_RETURN_IF_ERROR(
      c.Run("UPDATE stories SET updated_at = $1 WHERE id = $2", Params().Add(now).Add(story)));
  return story;
}

}  // namespace

Result<std::optional<std::int64_t>> PgArticleStore::FindIdByGuid(std::int64_t source_id,
                                                                 const std::string& guid) {
  if (guid.empty()) return std::optional<std::int64_t>();
  return QueryId(pool_, "SELECT id FROM articles WHERE source_id = $1 AND guid = $2",
                 Params().Add(source_id).Add(guid));
}

Result<std::optional<std::int64_t>> PgArticleStore::FindIdByCanonicalUrl(
    const std::string& canonical_url) {
  if (canonical_url.empty()) return std::optional<std::int64_t>();
  return QueryId(pool_, "SELECT id FROM articles WHERE canonical_url = $1",
                 Params().Add(canonical_url));
}

Result<std::optional<std::int64_t>> PgArticleStore::FindIdByContentHash(
    std::int64_t source_id, const std::string& content_hash) {
  if (content_hash.empty()) return std::optional<std::int64_t>();
  return QueryId(pool_,
                 "SELECT id FROM articles WHERE content_hash = $1 AND source_id = $2 LIMIT 1",
                 Params().Add(content_hash).Add(source_id));
}

Result<std::vector<SimhashCandidate>> PgArticleStore::RecentSimhashes(std::int64_t from,
                                                                      std::int64_t to, int limit) {
  if (limit < 1 || limit > kMaxSimhashLimit) {
    return Error::InvalidArgument("storage: simhash limit out of range: " + std::to_string(limit));
  }
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_,
                           "SELECT id, coalesce(source_id, 0), coalesce(story_id, 0), simhash "
                           "FROM articles WHERE published_at BETWEEN $1 AND $2 "
                           "AND simhash IS NOT NULL ORDER BY published_at DESC, id DESC LIMIT $3",
                           Params().Add(from).Add(to).Add(limit)));
  std::vector<SimhashCandidate> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back(SimhashCandidate{rows.Int64(i, 0), rows.Int64(i, 1), rows.Int64(i, 2),
                                   static_cast<std::uint64_t>(rows.Int64(i, 3))});
  }
  return out;
}

Result<std::int64_t> PgArticleStore::JoinStory(std::int64_t article_id, std::int64_t member_id) {
  return InWriteTransaction<std::int64_t>(
      pool_, [&](Connection& c) { return JoinStoryIn(c, article_id, member_id); });
}

Result<std::vector<model::RelatedReport>> PgArticleStore::AlsoReportedBy(std::int64_t article_id) {
  return InReadTransaction<std::vector<model::RelatedReport>>(
      pool_, [&](Connection& c) { return ReadAlsoReportedBy(c, article_id); });
}

Result<std::vector<ArticleRef>> PgArticleStore::ListBySource(std::int64_t source_id, int limit) {
  if (limit < 1 || limit > kMaxBySourceLimit) {
    return Error::InvalidArgument("storage: limit out of range: " + std::to_string(limit));
  }
  WARTA_ASSIGN_OR_RETURN(auto rows,
                         QueryOnce(pool_,
                                   "SELECT id, url, title FROM articles WHERE source_id = $1 "
                                   "ORDER BY published_at DESC, id DESC LIMIT $2",
                                   Params().Add(source_id).Add(limit)));
  std::vector<ArticleRef> out;
  for (int i = 0; i < rows.size(); ++i) {
    out.push_back(ArticleRef{rows.Int64(i, 0), rows.Text(i, 1), rows.Text(i, 2)});
  }
  return out;
}

Result<void> PgArticleStore::UpdateBody(std::int64_t id, const std::string& body_html) {
  if (body_html.size() > limits::kMaxBodyBytes) {
    return Error::TooLarge("storage: body of article " + std::to_string(id) + " is longer than " +
                           std::to_string(limits::kMaxBodyBytes) + " bytes");
  }
  if (ascii::IsBlank(body_html) || !utf8::IsValid(body_html) ||
      body_html.find('\0') != std::string::npos) {
    return Error::InvalidArgument("storage: body of article " + std::to_string(id) +
                                  " must be non-empty valid UTF-8");
  }
  // The body and its search terms in one transaction.
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(auto rows,
                           connection.Query("UPDATE articles SET body_html = $1, "
                                            "version = version + 1, updated_at = $2 WHERE id = $3 "
                                            "RETURNING id",
                                            Params().Add(body_html).Add(UnixNow()).Add(id)));
    if (rows.empty()) return NoSuchId("article", id);
    return ReindexArticle(connection, id);
  });
}

}  // namespace warta::storage::postgres
