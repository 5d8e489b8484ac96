#include <utility>

#include "core/clock.h"
#include "core/limits.h"
#include "model/article_json.h"
#include "storage/excerpt.h"
#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/day_totals.h"
#include "storage/sqlite/search_fts.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/statement_helpers.h"
#include "storage/sqlite/trending_credit.h"
#include "storage/sqlite/write_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::sqlite {
namespace {

constexpr int kMaxListLimit = 1000;

Error NoSuchArticle(std::int64_t id) { return NoSuchId("article", id); }

// Empty ingest keys are stored as NULL so the partial unique indexes ignore them.
void BindOptionalText(Statement& stmt, int index, const std::string& value) {
  if (value.empty()) {
    stmt.BindNull(index);
  } else {
    stmt.Bind(index, value);
  }
}

Result<std::int64_t> InsertRow(Connection& connection, const model::NewArticle& a,
                               std::string_view status, std::int64_t now) {
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare(
          "INSERT INTO articles (title, source, url, published_at, created_at, updated_at, lang, "
          "body_html, slug, version, views, likes, comments, shares, source_id, guid, "
          "canonical_url, content_hash, simhash, status, lead_media_id) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  // published_at 0 means "not known": the article is published now.
  stmt.Bind(1, a.title).Bind(2, a.source).Bind(3, a.url);
  stmt.Bind(4, a.published_at != 0 ? a.published_at : now).Bind(5, now).Bind(6, now);
  stmt.Bind(7, a.lang).Bind(8, a.body_html).Bind(9, a.slug);
  stmt.Bind(10, a.initial.views).Bind(11, a.initial.likes).Bind(12, a.initial.shares);
  if (a.source_id > 0) {
    stmt.Bind(13, a.source_id);
  } else {
    stmt.BindNull(13);
  }
  BindOptionalText(stmt, 14, a.guid);
  BindOptionalText(stmt, 15, a.canonical_url);
  BindOptionalText(stmt, 16, a.content_hash);
  if (a.simhash) {
    // SQLite integers are signed: the 64 bits are stored as they are.
    stmt.Bind(17, static_cast<std::int64_t>(*a.simhash));
  } else {
    stmt.BindNull(17);
  }
  stmt.Bind(18, status);
  stmt.Bind(19, a.lead_media_id);
  return InsertReturningId(stmt, "article");
}

// The item as ingest first stored it, kept unchanged beside whatever editors make of it.
Result<void> InsertWire(Connection& connection, std::int64_t id, const model::NewArticle& a) {
  if (a.source_id <= 0) return Ok();
  WARTA_ASSIGN_OR_RETURN(
      auto stmt, connection.Prepare("INSERT INTO article_wire (article_id, source_id, guid, "
                                    "original_title, original_body_html, original_hash) "
                                    "VALUES (?, ?, ?, ?, ?, ?)"));
  stmt.Bind(1, id).Bind(2, a.source_id).Bind(3, a.guid).Bind(4, a.title).Bind(5, a.body_html);
  stmt.Bind(6, a.content_hash);
  return stmt.Run();
}

// Insert writes published articles and held wire items; the other states are reached
// through the newsroom (storage/editorial_store.h).
Result<std::string_view> InsertStatus(model::ArticleStatus status) {
  if (status != model::ArticleStatus::kPublished && status != model::ArticleStatus::kHeld) {
    return Error::InvalidArgument("storage: Insert writes published or held articles, not " +
                                  std::string(model::ToText(status)));
  }
  return WordToStore(status, model::ParseArticleStatus, "article status");
}

// Imported totals count as engagement at the publication time, so an old import ranks
// below fresh activity while a new one starts with its counts.
Result<void> CreditInitialCounters(Connection& connection, const model::TrendingPolicy& policy,
                                   std::int64_t id, const model::NewArticle& a, std::int64_t now) {
  const std::int64_t at = a.published_at != 0 ? a.published_at : now;
  WARTA_RETURN_IF_ERROR(CreditTrending(connection, policy, id, model::EngagementKind::kView,
                                       a.initial.views, at, now));
  WARTA_RETURN_IF_ERROR(CreditTrending(connection, policy, id, model::EngagementKind::kLike,
                                       a.initial.likes, at, now));
  return CreditTrending(connection, policy, id, model::EngagementKind::kShare, a.initial.shares, at,
                        now);
}

}  // namespace

Result<std::int64_t> SqliteArticleStore::Insert(const model::NewArticle& article) {
  auto valid = model::ValidateNewArticle(article);
  if (!valid.ok()) {
    return MakeError(valid.error().code, "storage: " + valid.error().message);
  }
  WARTA_ASSIGN_OR_RETURN(std::string_view status, InsertStatus(article.status));
  return InWriteTransaction<std::int64_t>(
      pool_, [&](Connection& connection) -> Result<std::int64_t> {
        const std::int64_t now = UnixNow();
        WARTA_ASSIGN_OR_RETURN(auto id, InsertRow(connection, article, status, now));
        WARTA_RETURN_IF_ERROR(InsertTags(connection, id, article.tags));
        WARTA_RETURN_IF_ERROR(InsertWire(connection, id, article));
        WARTA_RETURN_IF_ERROR(CreditInitialCounters(connection, trending_.Get(), id, article, now));
        return id;
      });
}

Result<model::Article> SqliteArticleStore::FindById(std::int64_t id) {
  // One read transaction: the row and its tags come from the same snapshot.
  return InReadTransaction<model::Article>(
      pool_, [&](Connection& connection) -> Result<model::Article> {
        static const std::string sql =
            std::string("SELECT ") + kArticleColumns + " FROM articles a WHERE a.id = ?";
        WARTA_ASSIGN_OR_RETURN(
            auto found,
            QueryFirst(
                connection, sql, [&](Statement& stmt) { stmt.Bind(1, id); }, ReadArticleRow));
        if (!found.has_value()) return NoSuchArticle(id);
        model::Article article = std::move(*found);
        auto tags = ReadTags(connection, id);
        if (!tags.ok()) return tags.error();
        article.tags = std::move(*tags);
        if (article.story_id != 0) {
          WARTA_ASSIGN_OR_RETURN(auto related, ReadAlsoReportedBy(connection, id));
          article.also_reported_by = std::move(related);
        }
        return article;
      });
}

Result<std::vector<model::ArticleSummary>> SqliteArticleStore::ListNewest(int limit, int offset) {
  if (limit < 0 || offset < 0 || limit > kMaxListLimit) {
    return Error::InvalidArgument("storage: list bounds out of range (limit " +
                                  std::to_string(limit) + ", offset " + std::to_string(offset) +
                                  ")");
  }
  if (limit == 0) return std::vector<model::ArticleSummary>{};
  static const std::string sql = std::string("SELECT ") + kSummaryColumns +
                                 " FROM articles WHERE " + kPublicOnly +
                                 " ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?";
  return QueryAll(
      pool_, sql,
      [&](Statement& stmt) {
        stmt.Bind(1, kExcerptSourceChars).Bind(2, std::int64_t{limit});
        stmt.Bind(3, std::int64_t{offset});
      },
      ReadSummaryRow);
}

Result<std::int64_t> SqliteArticleStore::Count() {
  static const std::string sql = std::string("SELECT count(*) FROM articles WHERE ") + kPublicOnly;
  return QueryOneInt64(pool_, sql, NoParams);
}

Result<model::Counters> SqliteArticleStore::GetCounters(std::int64_t id) {
  WARTA_ASSIGN_OR_RETURN(auto connection, pool_.Acquire());
  auto stmt =
      connection->Prepare("SELECT views, likes, comments, shares FROM articles WHERE id = ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, id);
  return ReturnedCounters(*stmt, id);
}

Result<std::vector<std::int64_t>> SqliteArticleStore::AddViews(
    const std::vector<std::pair<std::int64_t, std::int64_t>>& deltas, std::int64_t day) {
  WARTA_RETURN_IF_ERROR(CheckDay(day));
  for (const auto& [id, delta] : deltas) {
    if (delta < 0 || delta > limits::kMaxInitialCounter) {
      return Error::InvalidArgument("storage: view delta " + std::to_string(delta) +
                                    " for article " + std::to_string(id) + " is out of range");
    }
  }
  if (deltas.empty()) return std::vector<std::int64_t>{};
  return InWriteTransaction<std::vector<std::int64_t>>(
      pool_, [&](Connection& connection) -> Result<std::vector<std::int64_t>> {
        WARTA_ASSIGN_OR_RETURN(
            auto stmt, connection.Prepare(
                           "UPDATE articles SET views = views + ?, trend_score = trend_score + ? "
                           "WHERE id = ? RETURNING views"));
        // The trending score moves with the views, in the same transaction (model/trending.h).
        const std::int64_t now = UnixNow();
        WARTA_ASSIGN_OR_RETURN(auto factor, TrendingFactor(connection, now, now));
        const double per_view = trending_.Get().Weight(model::EngagementKind::kView) * factor;
        std::vector<std::int64_t> totals;
        totals.reserve(deltas.size());
        for (const auto& [id, delta] : deltas) {
          stmt.Reset();
          stmt.Bind(1, delta).BindDouble(2, per_view * static_cast<double>(delta)).Bind(3, id);
          WARTA_ASSIGN_OR_RETURN(auto total,
                                 RunReturning(stmt, [](const Statement& s) { return s.Int64(0); }));
          totals.push_back(total.value_or(-1));
          if (total.has_value()) {
            WARTA_RETURN_IF_ERROR(AddToDay(connection, day, id, DayColumn::kViews, delta));
          }
        }
        return totals;
      });
}

// --- shared with the other stores (article_queries.h) ---

Result<void> InsertTags(Connection& connection, std::int64_t id,
                        const std::vector<std::string>& tags) {
  if (tags.empty()) return Ok();
  WARTA_ASSIGN_OR_RETURN(
      auto stmt,
      connection.Prepare("INSERT INTO article_tags (article_id, tag, position) VALUES (?, ?, ?) "
                         "ON CONFLICT DO NOTHING"));
  for (std::size_t i = 0; i < tags.size(); ++i) {
    stmt.Reset();
    stmt.Bind(1, id).Bind(2, tags[i]).Bind(3, static_cast<std::int64_t>(i));
    WARTA_RETURN_IF_ERROR(stmt.Run());
  }
  WARTA_ASSIGN_OR_RETURN(auto index, connection.Prepare(kIndexTagsSql));
  index.Bind(1, id);
  return index.Run();
}

Result<model::Article> ReadArticleRow(const Statement& stmt) {
  model::Article a;
  a.id = stmt.Int64(0);
  a.title = stmt.Text(1);
  a.source = stmt.Text(2);
  a.url = stmt.Text(3);
  a.published_at = stmt.Int64(4);
  a.created_at = stmt.Int64(5);
  a.updated_at = stmt.Int64(6);
  a.lang = stmt.Text(7);
  a.body_html = stmt.Text(8);
  a.slug = stmt.Text(9);
  a.version = stmt.Int64(10);
  a.counters = CountersAt(stmt, 11);
  a.source_id = stmt.Int64(15);  // NULL reads as 0
  a.story_id = stmt.Int64(16);
  a.canonical_is_original = stmt.Int64(17) != 0;  // NULL (no source) reads as 0
  WARTA_ASSIGN_OR_RETURN(a.status,
                         StoredWord(stmt.Text(18), model::ParseArticleStatus, "article status"));
  a.lead_media_id = stmt.Int64(19);
  return a;
}

model::ArticleSummary ReadSummaryRow(const Statement& stmt) {
  model::ArticleSummary s;
  s.id = stmt.Int64(0);
  s.title = stmt.Text(1);
  s.source = stmt.Text(2);
  s.published_at = stmt.Int64(3);
  s.lang = stmt.Text(4);
  s.slug = stmt.Text(5);
  s.excerpt = MakeExcerpt(stmt.Text(6));
  s.counters = CountersAt(stmt, 7);
  s.lead_media_id = stmt.Int64(11);
  s.story_id = stmt.Int64(12);
  return s;
}

model::Counters CountersAt(const Statement& stmt, int first) {
  return model::Counters{stmt.Int64(first), stmt.Int64(first + 1), stmt.Int64(first + 2),
                         stmt.Int64(first + 3)};
}

Result<model::Counters> ReturnedCounters(Statement& stmt, std::int64_t article_id) {
  WARTA_ASSIGN_OR_RETURN(auto counters,
                         RunReturning(stmt, [](const Statement& s) { return CountersAt(s, 0); }));
  if (!counters.has_value()) return NoSuchArticle(article_id);
  return *counters;
}

Result<std::vector<std::string>> ReadTags(Connection& connection, std::int64_t article_id) {
  return QueryAll(
      connection, "SELECT tag FROM article_tags WHERE article_id = ? ORDER BY position, tag",
      [&](Statement& stmt) { stmt.Bind(1, article_id); },
      [](const Statement& stmt) { return stmt.Text(0); });
}

}  // namespace warta::storage::sqlite
