#include <algorithm>
#include <map>
#include <utility>

#include "core/clock.h"
#include "core/limits.h"
#include "model/article_json.h"
#include "model/article_status.h"
#include "storage/postgres/pg_article_rows.h"
#include "storage/postgres/pg_search_index.h"
#include "storage/postgres/pg_store.h"
#include "storage/postgres/pg_transaction.h"
#include "storage/stored_words.h"

namespace warta::storage::postgres {
namespace {

constexpr int kMaxListLimit = 1000;

Result<std::int64_t> InsertRow(Connection& connection, const model::NewArticle& a,
                               std::string_view status, std::int64_t now) {
  Params params;
  // published_at 0 means "not known": the article is published now.
  params.Add(a.title).Add(a.source).Add(a.url).Add(a.published_at != 0 ? a.published_at : now);
  params.Add(now).Add(now).Add(a.lang).Add(a.body_html).Add(a.slug);
  params.Add(a.initial.views).Add(a.initial.likes).Add(a.initial.shares);
  params.AddIdOrNull(a.source_id).AddOrNull(a.guid).AddOrNull(a.canonical_url);
  params.AddOrNull(a.content_hash);
  if (a.simhash) {
    // BIGINT is signed: the 64 bits are stored as they are, as in SQLite.
    params.Add(static_cast<std::int64_t>(*a.simhash));
  } else {
    params.Null();
  }
  params.Add(status).Add(a.lead_media_id);
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      connection.Query(
          "INSERT INTO articles (title, source, url, published_at, created_at, updated_at, lang, "
          "body_html, slug, version, views, likes, comments, shares, source_id, guid, "
          "canonical_url, content_hash, simhash, status, lead_media_id) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, $10, $11, 0, $12, $13, $14, $15, $16, "
          "$17, $18, $19) RETURNING id",
          params));
  return rows.Int64(0, 0);
}

// The item as ingest first stored it, kept unchanged beside whatever editors make of it.
Result<void> InsertWire(Connection& connection, std::int64_t id, const model::NewArticle& a) {
  if (a.source_id <= 0) return Ok();
  return connection.Run(
      "INSERT INTO article_wire (article_id, source_id, guid, original_title, "
      "original_body_html, original_hash) VALUES ($1, $2, $3, $4, $5, $6)",
      Params()
          .Add(id)
          .Add(a.source_id)
          .Add(a.guid)
          .Add(a.title)
          .Add(a.body_html)
          .Add(a.content_hash));
}

Result<std::string_view> InsertStatus(model::ArticleStatus status) {
  if (status != model::ArticleStatus::kPublished && status != model::ArticleStatus::kHeld) {
    return Error::InvalidArgument("storage: Insert writes published or held articles, not " +
                                  std::string(model::ToText(status)));
  }
  return WordToStore(status, model::ParseArticleStatus, "article status");
}

// Imported totals count as engagement at the publication time (as in SQLite).
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

Result<std::int64_t> PgArticleStore::Insert(const model::NewArticle& article) {
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
        WARTA_RETURN_IF_ERROR(ReindexArticle(connection, id));
        WARTA_RETURN_IF_ERROR(CreditInitialCounters(connection, trending_.Get(), id, article, now));
        return id;
      });
}

Result<model::Article> PgArticleStore::FindById(std::int64_t id) {
  // One REPEATABLE READ transaction: the row and its tags come from the same snapshot.
  return InReadTransaction<model::Article>(
      pool_, [&](Connection& connection) -> Result<model::Article> {
        static const std::string sql =
            std::string("SELECT ") + kArticleColumns + " FROM articles a WHERE a.id = $1";
        WARTA_ASSIGN_OR_RETURN(auto rows, connection.Query(sql, Params().Add(id)));
        if (rows.empty()) return NoSuchId("article", id);
        WARTA_ASSIGN_OR_RETURN(model::Article article, ReadArticleRow(rows, 0));
        WARTA_ASSIGN_OR_RETURN(article.tags, ReadTags(connection, id));
        if (article.story_id != 0) {
          WARTA_ASSIGN_OR_RETURN(article.also_reported_by, ReadAlsoReportedBy(connection, id));
        }
        return article;
      });
}

Result<std::vector<model::ArticleSummary>> PgArticleStore::ListNewest(int limit, int offset) {
  if (limit < 0 || offset < 0 || limit > kMaxListLimit) {
    return Error::InvalidArgument("storage: list bounds out of range (limit " +
                                  std::to_string(limit) + ", offset " + std::to_string(offset) +
                                  ")");
  }
  if (limit == 0) return std::vector<model::ArticleSummary>{};
  static const std::string sql = std::string("SELECT ") + kSummaryColumns +
                                 " FROM articles WHERE " + kPublicOnly +
                                 " ORDER BY published_at DESC, id DESC LIMIT $2 OFFSET $3";
  WARTA_ASSIGN_OR_RETURN(
      auto rows, QueryOnce(pool_, sql, Params().Add(kExcerptSourceChars).Add(limit).Add(offset)));
  std::vector<model::ArticleSummary> out;
  out.reserve(static_cast<std::size_t>(rows.size()));
  for (int i = 0; i < rows.size(); ++i) out.push_back(ReadSummaryRow(rows, i));
  return out;
}

Result<std::int64_t> PgArticleStore::Count() {
  static const std::string sql = std::string("SELECT count(*) FROM articles WHERE ") + kPublicOnly;
  WARTA_ASSIGN_OR_RETURN(auto rows, QueryOnce(pool_, sql));
  return rows.Int64(0, 0);
}

Result<model::Counters> PgArticleStore::GetCounters(std::int64_t id) {
  WARTA_ASSIGN_OR_RETURN(
      auto rows,
      QueryOnce(pool_, "SELECT views, likes, comments, shares FROM articles WHERE id = $1",
                Params().Add(id)));
  if (rows.empty()) return NoSuchId("article", id);
  return CountersAt(rows, 0, 0);
}

// The batch is summed per article and added with one UPDATE: nodes flush their own buffers
// concurrently and each total is `views + delta` under the row lock, so no view is lost. Rows
// are locked in id order first, so two nodes flushing overlapping batches cannot deadlock.
Result<std::vector<std::int64_t>> PgArticleStore::AddViews(
    const std::vector<std::pair<std::int64_t, std::int64_t>>& deltas, std::int64_t day) {
  WARTA_RETURN_IF_ERROR(CheckDay(day));
  for (const auto& [id, delta] : deltas) {
    if (delta < 0 || delta > limits::kMaxInitialCounter) {
      return Error::InvalidArgument("storage: view delta " + std::to_string(delta) +
                                    " for article " + std::to_string(id) + " is out of range");
    }
  }
  if (deltas.empty()) return std::vector<std::int64_t>{};
  std::map<std::int64_t, std::int64_t> summed;
  for (const auto& [id, delta] : deltas) summed[id] += delta;
  std::vector<std::int64_t> ids;
  std::vector<std::int64_t> sums;
  for (const auto& [id, delta] : summed) {
    ids.push_back(id);
    sums.push_back(delta);
  }
  const std::string id_array = IdArray(ids);
  const std::string sum_array = IdArray(sums);
  return InWriteTransaction<std::vector<std::int64_t>>(
      pool_, [&](Connection& connection) -> Result<std::vector<std::int64_t>> {
        WARTA_RETURN_IF_ERROR(connection.Run(
            "SELECT 1 FROM articles WHERE id = ANY($1::BIGINT[]) ORDER BY id FOR UPDATE",
            Params().Add(id_array)));
        // The trending score moves with the views, in the same transaction (model/trending.h).
        const std::int64_t now = UnixNow();
        WARTA_ASSIGN_OR_RETURN(double factor, TrendingFactor(connection, now, now));
        const double per_view = trending_.Get().Weight(model::EngagementKind::kView) * factor;
        WARTA_ASSIGN_OR_RETURN(
            auto rows,
            connection.Query(
                "UPDATE articles a SET views = a.views + d.delta, "
                "trend_score = a.trend_score + $3::DOUBLE PRECISION * d.delta "
                "FROM unnest($1::BIGINT[], $2::BIGINT[]) AS d(id, delta) WHERE a.id = d.id "
                "RETURNING a.id, a.views",
                Params().Add(id_array).Add(sum_array).AddDouble(per_view)));
        WARTA_RETURN_IF_ERROR(connection.Run(
            "INSERT INTO engagement_days (day, article_id, views) "
            "SELECT $1, d.id, d.delta FROM unnest($2::BIGINT[], $3::BIGINT[]) AS d(id, delta) "
            "JOIN articles a ON a.id = d.id WHERE d.delta > 0 "
            "ON CONFLICT (day, article_id) DO UPDATE SET views = engagement_days.views + "
            "excluded.views",
            Params().Add(day).Add(id_array).Add(sum_array)));
        std::map<std::int64_t, std::int64_t> totals;
        for (int i = 0; i < rows.size(); ++i) totals[rows.Int64(i, 0)] = rows.Int64(i, 1);
        std::vector<std::int64_t> out;
        out.reserve(deltas.size());
        for (const auto& [id, delta] : deltas) {
          auto it = totals.find(id);
          out.push_back(it != totals.end() ? it->second : -1);
        }
        return out;
      });
}

}  // namespace warta::storage::postgres
