#include <utility>

#include "core/limits.h"
#include "model/article_json.h"
#include "storage/excerpt.h"
#include "storage/sqlite/article_queries.h"
#include "storage/sqlite/search_fts.h"
#include "storage/sqlite/sqlite_store.h"
#include "storage/sqlite/trending_credit.h"
#include "storage/sqlite/unix_time.h"

namespace warta::storage::sqlite {
namespace {

// Enough HTML to find ~280 bytes of text without reading multi-megabyte bodies per row.
constexpr int kExcerptSourceChars = 8000;
constexpr int kMaxListLimit = 1000;

Error NoSuchArticle(std::int64_t id) {
  return MakeError(ErrorCode::kNotFound, "storage: no article with id " + std::to_string(id));
}

model::Counters ReadCounters(const Statement& stmt, int first_column) {
  return model::Counters{stmt.Int64(first_column), stmt.Int64(first_column + 1),
                         stmt.Int64(first_column + 2), stmt.Int64(first_column + 3)};
}

// Empty ingest keys are stored as NULL so the partial unique indexes ignore them.
void BindOptionalText(Statement& stmt, int index, const std::string& value) {
  if (value.empty()) {
    stmt.BindNull(index);
  } else {
    stmt.Bind(index, value);
  }
}

Result<std::int64_t> InsertRow(Connection& connection, const model::NewArticle& a,
                               std::int64_t now) {
  auto stmt = connection.Prepare(
      "INSERT INTO articles (title, source, url, published_at, created_at, updated_at, lang, "
      "body_html, slug, version, views, likes, comments, shares, source_id, guid, "
      "canonical_url, content_hash, simhash) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, 0, ?, ?, ?, ?, ?, ?) RETURNING id");
  if (!stmt.ok()) return stmt.error();
  // published_at 0 means "not known": the article is published now.
  stmt->Bind(1, a.title).Bind(2, a.source).Bind(3, a.url);
  stmt->Bind(4, a.published_at != 0 ? a.published_at : now).Bind(5, now).Bind(6, now);
  stmt->Bind(7, a.lang).Bind(8, a.body_html).Bind(9, a.slug);
  stmt->Bind(10, a.initial.views).Bind(11, a.initial.likes).Bind(12, a.initial.shares);
  if (a.source_id > 0) {
    stmt->Bind(13, a.source_id);
  } else {
    stmt->BindNull(13);
  }
  BindOptionalText(*stmt, 14, a.guid);
  BindOptionalText(*stmt, 15, a.canonical_url);
  BindOptionalText(*stmt, 16, a.content_hash);
  if (a.simhash) {
    // SQLite integers are signed: the 64 bits are stored as they are.
    stmt->Bind(17, static_cast<std::int64_t>(*a.simhash));
  } else {
    stmt->BindNull(17);
  }
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  if (!*row) return MakeError(ErrorCode::kInternal, "sqlite: INSERT ... RETURNING gave no id");
  std::int64_t id = stmt->Int64(0);
  WARTA_RETURN_IF_ERROR(stmt->Run());
  return id;
}

Result<void> InsertTags(Connection& connection, std::int64_t id,
                        const std::vector<std::string>& tags) {
  if (tags.empty()) return Ok();
  auto stmt = connection.Prepare(
      "INSERT INTO article_tags (article_id, tag, position) VALUES (?, ?, ?) "
      "ON CONFLICT DO NOTHING");
  if (!stmt.ok()) return stmt.error();
  for (std::size_t i = 0; i < tags.size(); ++i) {
    stmt->Reset();
    stmt->Bind(1, id).Bind(2, tags[i]).Bind(3, static_cast<std::int64_t>(i));
    WARTA_RETURN_IF_ERROR(stmt->Run());
  }
  auto index = connection.Prepare(kIndexTagsSql);
  if (!index.ok()) return index.error();
  index->Bind(1, id);
  return index->Run();
}

Result<bool> ReadArticle(Connection& connection, std::int64_t id, model::Article& a) {
  auto stmt = connection.Prepare(
      "SELECT id, title, source, url, published_at, created_at, updated_at, lang, body_html, "
      "slug, version, views, likes, comments, shares, source_id, story_id, "
      "(SELECT s.canonical = 'original' FROM sources s WHERE s.id = articles.source_id) "
      "FROM articles WHERE id = ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, id);
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  if (!*row) return false;
  a.id = stmt->Int64(0);
  a.title = stmt->Text(1);
  a.source = stmt->Text(2);
  a.url = stmt->Text(3);
  a.published_at = stmt->Int64(4);
  a.created_at = stmt->Int64(5);
  a.updated_at = stmt->Int64(6);
  a.lang = stmt->Text(7);
  a.body_html = stmt->Text(8);
  a.slug = stmt->Text(9);
  a.version = stmt->Int64(10);
  a.counters = ReadCounters(*stmt, 11);
  a.source_id = stmt->Int64(15);  // NULL reads as 0
  a.story_id = stmt->Int64(16);
  a.canonical_is_original = stmt->Int64(17) != 0;  // NULL (no source) reads as 0
  return true;
}

Result<std::vector<std::string>> ReadTags(Connection& connection, std::int64_t id) {
  auto stmt = connection.Prepare(
      "SELECT tag FROM article_tags WHERE article_id = ? ORDER BY position, tag");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, id);
  std::vector<std::string> tags;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.error();
    if (!*row) return tags;
    tags.push_back(stmt->Text(0));
  }
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
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto tx = Transaction::Begin(**connection, Transaction::Mode::kImmediate);
  if (!tx.ok()) return tx.error();
  const std::int64_t now = UnixNow();
  auto id = InsertRow(**connection, article, now);
  if (!id.ok()) return id.error();
  WARTA_RETURN_IF_ERROR(InsertTags(**connection, *id, article.tags));
  WARTA_RETURN_IF_ERROR(CreditInitialCounters(**connection, trending_.Get(), *id, article, now));
  WARTA_RETURN_IF_ERROR(tx->Commit());
  return id;
}

Result<model::Article> SqliteArticleStore::FindById(std::int64_t id) {
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  // One read transaction: the row and its tags come from the same snapshot.
  auto tx = Transaction::Begin(**connection, Transaction::Mode::kDeferred);
  if (!tx.ok()) return tx.error();
  model::Article article;
  auto found = ReadArticle(**connection, id, article);
  if (!found.ok()) return found.error();
  if (!*found) return NoSuchArticle(id);
  auto tags = ReadTags(**connection, id);
  if (!tags.ok()) return tags.error();
  article.tags = std::move(*tags);
  if (article.story_id != 0) {
    auto related = ReadAlsoReportedBy(**connection, id);
    if (!related.ok()) return related.error();
    article.also_reported_by = std::move(*related);
  }
  WARTA_RETURN_IF_ERROR(tx->Commit());
  return article;
}

Result<std::vector<model::ArticleSummary>> SqliteArticleStore::ListNewest(int limit, int offset) {
  if (limit < 0 || offset < 0 || limit > kMaxListLimit) {
    return MakeError(ErrorCode::kInvalidArgument, "storage: list bounds out of range (limit " +
                                                      std::to_string(limit) + ", offset " +
                                                      std::to_string(offset) + ")");
  }
  std::vector<model::ArticleSummary> list;
  if (limit == 0) return list;
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt =
      (*connection)
          ->Prepare(
              "SELECT id, title, source, published_at, lang, slug, substr(body_html, 1, ?), "
              "views, likes, comments, shares FROM articles "
              "ORDER BY published_at DESC, id DESC LIMIT ? OFFSET ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, std::int64_t{kExcerptSourceChars}).Bind(2, std::int64_t{limit});
  stmt->Bind(3, std::int64_t{offset});
  list.reserve(static_cast<std::size_t>(limit));
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.error();
    if (!*row) return list;
    model::ArticleSummary& s = list.emplace_back();
    s.id = stmt->Int64(0);
    s.title = stmt->Text(1);
    s.source = stmt->Text(2);
    s.published_at = stmt->Int64(3);
    s.lang = stmt->Text(4);
    s.slug = stmt->Text(5);
    s.excerpt = MakeExcerpt(stmt->Text(6));
    s.counters = ReadCounters(*stmt, 7);
  }
}

Result<std::int64_t> SqliteArticleStore::Count() {
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt = (*connection)->Prepare("SELECT count(*) FROM articles");
  if (!stmt.ok()) return stmt.error();
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  return *row ? stmt->Int64(0) : 0;
}

Result<model::Counters> SqliteArticleStore::GetCounters(std::int64_t id) {
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto stmt =
      (*connection)->Prepare("SELECT views, likes, comments, shares FROM articles WHERE id = ?");
  if (!stmt.ok()) return stmt.error();
  stmt->Bind(1, id);
  auto row = stmt->Step();
  if (!row.ok()) return row.error();
  if (!*row) return NoSuchArticle(id);
  return ReadCounters(*stmt, 0);
}

Result<std::vector<std::int64_t>> SqliteArticleStore::AddViews(
    const std::vector<std::pair<std::int64_t, std::int64_t>>& deltas) {
  for (const auto& [id, delta] : deltas) {
    if (delta < 0 || delta > limits::kMaxInitialCounter) {
      return MakeError(ErrorCode::kInvalidArgument, "storage: view delta " + std::to_string(delta) +
                                                        " for article " + std::to_string(id) +
                                                        " is out of range");
    }
  }
  std::vector<std::int64_t> totals;
  if (deltas.empty()) return totals;
  totals.reserve(deltas.size());
  auto connection = pool_.Acquire();
  if (!connection.ok()) return connection.error();
  auto tx = Transaction::Begin(**connection, Transaction::Mode::kImmediate);
  if (!tx.ok()) return tx.error();
  {
    auto stmt = (*connection)
                    ->Prepare(
                        "UPDATE articles SET views = views + ?, trend_score = trend_score + ? "
                        "WHERE id = ? RETURNING views");
    if (!stmt.ok()) return stmt.error();
    // The trending score moves with the views, in the same transaction (model/trending.h).
    const std::int64_t now = UnixNow();
    auto factor = TrendingFactor(**connection, now, now);
    if (!factor.ok()) return factor.error();
    const double per_view = trending_.Get().Weight(model::EngagementKind::kView) * *factor;
    for (const auto& [id, delta] : deltas) {
      stmt->Reset();
      stmt->Bind(1, delta).BindDouble(2, per_view * static_cast<double>(delta)).Bind(3, id);
      auto row = stmt->Step();
      if (!row.ok()) return row.error();
      totals.push_back(*row ? stmt->Int64(0) : -1);
      WARTA_RETURN_IF_ERROR(stmt->Run());
    }
  }
  WARTA_RETURN_IF_ERROR(tx->Commit());
  return totals;
}

}  // namespace warta::storage::sqlite
