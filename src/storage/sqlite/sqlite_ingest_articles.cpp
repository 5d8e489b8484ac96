// The article store's ingest queries: dedup keys, near-duplicate fingerprints, stories.
#include <set>
#include <string>
#include <utility>

#include "core/ascii.h"
#include "core/clock.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/write_transaction.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kMaxSimhashLimit = 100'000;
constexpr int kMaxBySourceLimit = 1000;
constexpr int kMaxRelated = 20;  // a page lists a few sources, not a wire's whole syndicate

// Runs a query with bound parameters that returns at most one id.
template <typename Binder>
Result<std::optional<std::int64_t>> QueryId(ConnectionPool& pool, std::string_view sql,
                                            Binder bind) {
  return QueryFirst(pool, sql, bind, [](const Statement& stmt) { return stmt.Int64(0); });
}

Result<std::int64_t> StoryOf(Connection& connection, std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(auto story,
                         QueryFirst(
                             connection, "SELECT coalesce(story_id, 0) FROM articles WHERE id = ?",
                             [&](Statement& stmt) { stmt.Bind(1, article_id); },
                             [](const Statement& stmt) { return stmt.Int64(0); }));
  if (!story.has_value()) return NoSuchId("article", article_id);
  return *story;
}

Result<std::int64_t> NewStory(Connection& connection, std::int64_t now) {
  auto stmt =
      connection.Prepare("INSERT INTO stories (created_at, updated_at) VALUES (?, ?) RETURNING id");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, now).Bind(2, now);
  return InsertReturningId(*stmt, "story");
}

Result<void> Exec(Connection& connection, std::string_view sql, std::int64_t a, std::int64_t b) {
  WARTA_ASSIGN_OR_RETURN(auto stmt, connection.Prepare(sql));
  stmt.Bind(1, a).Bind(2, b);
  return stmt.Run();
}

// Puts both articles in one story (see ArticleStore::JoinStory), inside a write transaction.
Result<std::int64_t> JoinStoryIn(Connection& c, std::int64_t article_id, std::int64_t member_id) {
  WARTA_ASSIGN_OR_RETURN(auto mine, StoryOf(c, article_id));
  WARTA_ASSIGN_OR_RETURN(auto theirs, StoryOf(c, member_id));
  const std::int64_t now = UnixNow();
  std::int64_t story = theirs != 0 ? theirs : mine;
  if (story == 0) {
    WARTA_ASSIGN_OR_RETURN(auto created, NewStory(c, now));
    story = created;
  }
  if (mine != 0 && mine != story) {  // merge the article's old story into this one
    WARTA_RETURN_IF_ERROR(
        Exec(c, "UPDATE articles SET story_id = ? WHERE story_id = ?", story, mine));
    WARTA_RETURN_IF_ERROR(Exec(c, "DELETE FROM stories WHERE id = ? AND id <> ?", mine, story));
  }
  WARTA_RETURN_IF_ERROR(
      Exec(c, "UPDATE articles SET story_id = ? WHERE id = ?", story, article_id));
  WARTA_RETURN_IF_ERROR(Exec(c, "UPDATE articles SET story_id = ? WHERE id = ?", story, member_id));
  // Every page of the story lists the others: a new version makes caches re-render them.
  WARTA_RETURN_IF_ERROR(
      Exec(c, "UPDATE articles SET version = version + 1, updated_at = ? WHERE story_id = ?", now,
           story));
  WARTA_RETURN_IF_ERROR(Exec(c, "UPDATE stories SET updated_at = ? WHERE id = ?", now, story));
  return story;
}

}  // namespace

Result<std::vector<model::RelatedReport>> ReadAlsoReportedBy(Connection& connection,
                                                             std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(
      auto stmt, connection.Prepare(
                     "SELECT o.id, o.title, o.source, o.url, o.slug, o.published_at "
                     "FROM articles a JOIN articles o ON o.story_id = a.story_id AND o.id <> a.id "
                     "WHERE a.id = ? AND a.story_id IS NOT NULL AND o.source <> a.source "
                     "AND o.status = 'published' "
                     "ORDER BY o.published_at, o.id LIMIT 200"));
  stmt.Bind(1, article_id);
  std::vector<model::RelatedReport> related;
  std::set<std::string> sources;
  for (;;) {
    WARTA_ASSIGN_OR_RETURN(auto row, stmt.Step());
    if (!row || related.size() >= static_cast<std::size_t>(kMaxRelated)) return related;
    std::string source = stmt.Text(2);
    if (!sources.insert(source).second) continue;  // one report per source
    model::RelatedReport& r = related.emplace_back();
    r.article_id = stmt.Int64(0);
    r.title = stmt.Text(1);
    r.source = std::move(source);
    r.url = stmt.Text(3);
    r.slug = stmt.Text(4);
    r.published_at = stmt.Int64(5);
  }
}

Result<std::optional<std::int64_t>> SqliteArticleStore::FindIdByGuid(std::int64_t source_id,
                                                                     const std::string& guid) {
  if (guid.empty()) return std::optional<std::int64_t>();
  return QueryId(pool_, "SELECT id FROM articles WHERE source_id = ? AND guid = ?",
                 [&](Statement& s) { s.Bind(1, source_id).Bind(2, guid); });
}

Result<std::optional<std::int64_t>> SqliteArticleStore::FindIdByCanonicalUrl(
    const std::string& canonical_url) {
  if (canonical_url.empty()) return std::optional<std::int64_t>();
  return QueryId(pool_, "SELECT id FROM articles WHERE canonical_url = ?",
                 [&](Statement& s) { s.Bind(1, canonical_url); });
}

Result<std::optional<std::int64_t>> SqliteArticleStore::FindIdByContentHash(
    std::int64_t source_id, const std::string& content_hash) {
  if (content_hash.empty()) return std::optional<std::int64_t>();
  return QueryId(pool_, "SELECT id FROM articles WHERE content_hash = ? AND source_id = ? LIMIT 1",
                 [&](Statement& s) { s.Bind(1, content_hash).Bind(2, source_id); });
}

Result<std::vector<SimhashCandidate>> SqliteArticleStore::RecentSimhashes(std::int64_t from,
                                                                          std::int64_t to,
                                                                          int limit) {
  if (limit < 1 || limit > kMaxSimhashLimit) {
    return Error::InvalidArgument("storage: simhash limit out of range: " + std::to_string(limit));
  }
  return QueryAll(
      pool_,
      "SELECT id, coalesce(source_id, 0), coalesce(story_id, 0), simhash "
      "FROM articles WHERE published_at BETWEEN ? AND ? AND simhash IS NOT NULL "
      "ORDER BY published_at DESC, id DESC LIMIT ?",
      [&](Statement& stmt) { stmt.Bind(1, from).Bind(2, to).Bind(3, std::int64_t{limit}); },
      [](const Statement& stmt) {
        return SimhashCandidate{stmt.Int64(0), stmt.Int64(1), stmt.Int64(2),
                                static_cast<std::uint64_t>(stmt.Int64(3))};
      });
}

Result<std::int64_t> SqliteArticleStore::JoinStory(std::int64_t article_id,
                                                   std::int64_t member_id) {
  return InWriteTransaction<std::int64_t>(
      pool_, [&](Connection& c) { return JoinStoryIn(c, article_id, member_id); });
}

Result<std::vector<model::RelatedReport>> SqliteArticleStore::AlsoReportedBy(
    std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(auto connection, pool_.Acquire());
  return ReadAlsoReportedBy(*connection, article_id);
}

Result<std::vector<ArticleRef>> SqliteArticleStore::ListBySource(std::int64_t source_id,
                                                                 int limit) {
  if (limit < 1 || limit > kMaxBySourceLimit) {
    return Error::InvalidArgument("storage: limit out of range: " + std::to_string(limit));
  }
  return QueryAll(
      pool_,
      "SELECT id, url, title FROM articles WHERE source_id = ? "
      "ORDER BY published_at DESC, id DESC LIMIT ?",
      [&](Statement& stmt) { stmt.Bind(1, source_id).Bind(2, std::int64_t{limit}); },
      [](const Statement& stmt) {
        return ArticleRef{stmt.Int64(0), stmt.Text(1), stmt.Text(2)};
      });
}

Result<void> SqliteArticleStore::UpdateBody(std::int64_t id, const std::string& body_html) {
  if (body_html.size() > limits::kMaxBodyBytes) {
    return Error::TooLarge("storage: body of article " + std::to_string(id) + " is longer than " +
                           std::to_string(limits::kMaxBodyBytes) + " bytes");
  }
  if (ascii::IsBlank(body_html) || !utf8::IsValid(body_html) ||
      body_html.find('\0') != std::string::npos) {
    return Error::InvalidArgument("storage: body of article " + std::to_string(id) +
                                  " must be non-empty valid UTF-8");
  }
  return InWriteTransaction<void>(pool_, [&](Connection& connection) -> Result<void> {
    WARTA_ASSIGN_OR_RETURN(
        auto stmt, connection.Prepare(
                       "UPDATE articles SET body_html = ?, version = version + 1, updated_at = ? "
                       "WHERE id = ? RETURNING id"));
    stmt.Bind(1, body_html).Bind(2, UnixNow()).Bind(3, id);
    return RunOrNotFound(stmt, "article", id);
  });
}

}  // namespace warta::storage::sqlite
