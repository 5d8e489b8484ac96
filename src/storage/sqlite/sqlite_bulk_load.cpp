// storage/bulk_load.h on SQLite. Speed comes from four things, each undone by Finish:
// - batches of kBulkBatchArticles articles per transaction with cached prepared statements;
// - synchronous=OFF while loading (a crash mid-load leaves a database to throw away: the
//   generator makes a new site, nobody's data is at risk), NORMAL again at the end;
// - foreign keys off while loading, so an article's tags and bylines may go in before its row;
//   Finish runs foreign_key_check over everything, so a broken reference fails the load loudly;
// - the search index written once per batch, not by the per-row triggers
//   (sqlite_bulk_load_index.h says why and how the triggers stay in place).
#include "storage/sqlite/sqlite_bulk_load.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>

#include "core/clock.h"
#include "model/trending.h"
#include "search/analyzer.h"
#include "storage/sqlite/database.h"
#include "storage/sqlite/search_fts.h"
#include "storage/sqlite/sqlite_bulk_load_index.h"
#include "storage/sqlite/trending_credit.h"

namespace warta::storage::sqlite {
namespace {

// The search index values of one article, analyzed: title, body, source, tags, as the
// columns of search_index.
struct SqlitePrepared final : BulkPrepared {
  std::shared_ptr<const PreparedDocument> values[4];
};

class SqlitePreparer final : public BulkPreparer {
 public:
  explicit SqlitePreparer(std::unique_ptr<search::Analyzer> analyzer)
      : analyzer_(std::move(analyzer)) {}

  void Prepare(BulkArticle& a) override {
    // The tags as the index reads them: group_concat over article_tags, whose key orders them
    // by tag (byte order), each once. Were this to differ, the tokenizer would not find the
    // value and would analyze it itself: slower, never wrong.
    std::vector<std::string> tags = a.tags;
    std::sort(tags.begin(), tags.end());
    tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
    std::string joined;
    for (const std::string& tag : tags) joined += (joined.empty() ? "" : " ") + tag;
    auto prepared = std::make_shared<SqlitePrepared>();
    const std::pair<std::string_view, bool> values[4] = {
        {a.title, false}, {a.body_html, true}, {a.source, false}, {joined, false}};
    for (int i = 0; i < 4; ++i) {
      prepared->values[i] = std::make_shared<PreparedDocument>(
          PrepareDocument(*analyzer_, a.lang, values[i].first, values[i].second));
    }
    a.prepared = std::move(prepared);
  }

 private:
  std::unique_ptr<search::Analyzer> analyzer_;
};

// Events older than this add less than 2^-14 of their weight to a trending score (one-day
// half-life): articles published before it keep a score of 0 instead of paying an UPDATE.
constexpr std::int64_t kTrendingWindowSeconds = std::int64_t{14} * 86400;

class SqliteBulkLoader final : public BulkLoader {
 public:
  SqliteBulkLoader(std::unique_ptr<Connection> connection, std::int64_t batch_articles)
      : connection_(std::move(connection)),
        batch_articles_(std::max<std::int64_t>(batch_articles, 1)) {}

  Result<void> Start() {
    WARTA_RETURN_IF_ERROR(connection_->Exec(
        "PRAGMA synchronous=OFF; PRAGMA foreign_keys=OFF; PRAGMA cache_size=-262144; "
        "PRAGMA temp_store=MEMORY;"));
    WARTA_ASSIGN_OR_RETURN(auto next,
                           connection_->Prepare("SELECT coalesce(max(id), 0) + 1 FROM articles"));
    WARTA_ASSIGN_OR_RETURN(bool row, next.Step());
    next_id_ = row ? next.Int64(0) : 1;
    now_ = UnixNow();
    WARTA_ASSIGN_OR_RETURN(search_index_, BulkSearchIndex::Load(*connection_));
    return AttachPreparedDocuments(connection_->raw(), &prepared_);
  }

  ~SqliteBulkLoader() override { (void)AttachPreparedDocuments(connection_->raw(), nullptr); }
  SqliteBulkLoader(const SqliteBulkLoader&) = delete;
  SqliteBulkLoader& operator=(const SqliteBulkLoader&) = delete;

  Result<std::unique_ptr<BulkPreparer>> NewPreparer() override {
    WARTA_ASSIGN_OR_RETURN(auto analyzer, search::Analyzer::Create());
    return std::unique_ptr<BulkPreparer>(new SqlitePreparer(std::move(analyzer)));
  }

  Result<std::vector<std::int64_t>> EnsureSections(const std::vector<BulkNamed>& s) override {
    return EnsureNamed(s,
                       "INSERT INTO sections (slug, name, description, position, created_at) "
                       "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM sections),"
                       " ?4) ON CONFLICT (slug) DO NOTHING",
                       "SELECT id FROM sections WHERE slug = ?");
  }

  Result<std::vector<std::int64_t>> EnsureAuthors(const std::vector<BulkNamed>& a) override {
    return EnsureNamed(a,
                       "INSERT INTO authors (slug, name, bio, created_at) VALUES (?1, ?2, ?3, ?4) "
                       "ON CONFLICT (slug) DO NOTHING",
                       "SELECT id FROM authors WHERE slug = ?");
  }

  Result<void> EnsureSources(const std::vector<BulkNamed>& sources) override {
    WARTA_ASSIGN_OR_RETURN(auto tx,
                           Transaction::Begin(*connection_, Transaction::Mode::kImmediate));
    for (const BulkNamed& source : sources) {
      WARTA_ASSIGN_OR_RETURN(
          auto insert,
          connection_->Prepare("INSERT INTO sources (url, name, site_url, enabled, created_at) "
                               "VALUES (?, ?, ?, 0, ?) ON CONFLICT (url) DO NOTHING"));
      insert.Bind(1, source.text).Bind(2, source.name);
      insert.Bind(3, "https://" + source.slug + ".demo.warta.invalid/").Bind(4, now_);
      WARTA_RETURN_IF_ERROR(insert.Run());
    }
    return tx.Commit();
  }

  Result<std::int64_t> Add(const BulkArticle& article) override {
    if (finished_) return Error::Internal("storage: bulk load already finished");
    if (!tx_.has_value()) {
      WARTA_ASSIGN_OR_RETURN(auto tx,
                             Transaction::Begin(*connection_, Transaction::Mode::kImmediate));
      tx_.emplace(std::move(tx));
      WARTA_RETURN_IF_ERROR(search_index_.BeginBatch(*connection_));
      batch_first_id_ = next_id_;
    }
    const std::int64_t id = next_id_++;
    if (const auto* prepared = dynamic_cast<const SqlitePrepared*>(article.prepared.get())) {
      for (const auto& value : prepared->values) prepared_.Add(value);
    }
    WARTA_RETURN_IF_ERROR(InsertTagsAndAuthors(id, article));
    WARTA_RETURN_IF_ERROR(InsertArticle(id, article));
    WARTA_RETURN_IF_ERROR(InsertLikes(id, article));
    WARTA_RETURN_IF_ERROR(InsertComments(id, article));
    if (article.published_at > now_ - kTrendingWindowSeconds) {
      WARTA_RETURN_IF_ERROR(CreditTrending(*connection_, policy_, id, model::EngagementKind::kView,
                                           article.views, article.published_at, now_));
      WARTA_RETURN_IF_ERROR(CreditTrending(*connection_, policy_, id, model::EngagementKind::kLike,
                                           article.likes, article.published_at, now_));
    }
    ++report_.articles;
    if (++in_batch_ >= batch_articles_) WARTA_RETURN_IF_ERROR(CommitBatch());
    return id;
  }

  Result<BulkLoadReport> Finish() override {
    if (finished_) return Error::Internal("storage: bulk load already finished");
    finished_ = true;
    WARTA_RETURN_IF_ERROR(CommitBatch());
    WARTA_ASSIGN_OR_RETURN(auto check, connection_->Prepare("PRAGMA foreign_key_check"));
    WARTA_ASSIGN_OR_RETURN(bool broken, check.Step());
    if (broken) {
      return Error::Corrupt("storage: bulk load left a broken reference in table '" +
                            check.Text(0) + "' (row " + std::to_string(check.Int64(1)) + ")");
    }
    WARTA_RETURN_IF_ERROR(connection_->Exec(
        "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA wal_checkpoint(TRUNCATE);"));
    return report_;
  }

 private:
  Result<std::vector<std::int64_t>> EnsureNamed(const std::vector<BulkNamed>& named,
                                                std::string_view insert_sql,
                                                std::string_view find_sql) {
    WARTA_ASSIGN_OR_RETURN(auto tx,
                           Transaction::Begin(*connection_, Transaction::Mode::kImmediate));
    std::vector<std::int64_t> ids;
    for (const BulkNamed& one : named) {
      WARTA_ASSIGN_OR_RETURN(auto insert, connection_->Prepare(insert_sql));
      insert.Bind(1, one.slug).Bind(2, one.name).Bind(3, one.text).Bind(4, now_);
      WARTA_RETURN_IF_ERROR(insert.Run());
      WARTA_ASSIGN_OR_RETURN(auto find, connection_->Prepare(find_sql));
      find.Bind(1, one.slug);
      WARTA_ASSIGN_OR_RETURN(bool row, find.Step());
      if (!row) return Error::Internal("storage: '" + one.slug + "' was not stored");
      ids.push_back(find.Int64(0));
    }
    WARTA_RETURN_IF_ERROR(tx.Commit());
    return ids;
  }

  Result<void> InsertTagsAndAuthors(std::int64_t id, const BulkArticle& article) {
    WARTA_ASSIGN_OR_RETURN(
        auto tag, connection_->Prepare("INSERT INTO article_tags (article_id, tag, position) "
                                       "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    for (std::size_t i = 0; i < article.tags.size(); ++i) {
      tag.Reset();
      tag.Bind(1, id).Bind(2, article.tags[i]).Bind(3, static_cast<std::int64_t>(i));
      WARTA_RETURN_IF_ERROR(tag.Run());
      ++report_.tags;
    }
    WARTA_ASSIGN_OR_RETURN(
        auto author,
        connection_->Prepare("INSERT INTO article_authors (article_id, author_id, position) "
                             "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    for (std::size_t i = 0; i < article.author_ids.size(); ++i) {
      author.Reset();
      author.Bind(1, id).Bind(2, article.author_ids[i]).Bind(3, static_cast<std::int64_t>(i));
      WARTA_RETURN_IF_ERROR(author.Run());
    }
    return Ok();
  }

  Result<void> InsertArticle(std::int64_t id, const BulkArticle& a) {
    // The search and title triggers fire here, with the tags already in place.
    WARTA_ASSIGN_OR_RETURN(
        auto stmt,
        connection_->Prepare(
            "INSERT INTO articles (id, title, source, url, published_at, created_at, updated_at, "
            "lang, body_html, slug, views, likes, comments, shares, status, section_id, "
            "lead_media_id) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
            "'published', ?13, ?14)"));
    stmt.Bind(1, id).Bind(2, a.title).Bind(3, a.source).Bind(4, a.url).Bind(5, a.published_at);
    stmt.Bind(6, a.lang).Bind(7, a.body_html).Bind(8, a.slug).Bind(9, a.views);
    stmt.Bind(10, static_cast<std::int64_t>(a.likes));
    stmt.Bind(11, static_cast<std::int64_t>(a.comments.size())).Bind(12, a.shares);
    if (a.section_id > 0) {
      stmt.Bind(13, a.section_id);
    } else {
      stmt.BindNull(13);
    }
    stmt.Bind(14, a.lead_media_id);
    return stmt.Run();
  }

  Result<void> InsertLikes(std::int64_t id, const BulkArticle& article) {
    if (article.likes <= 0) return Ok();
    WARTA_ASSIGN_OR_RETURN(auto like,
                           connection_->Prepare("INSERT INTO likes (article_id, liker, created_at) "
                                                "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    for (int i = 0; i < article.likes; ++i) {
      like.Reset();
      // Visitor likers as the like endpoint writes them ("v:" + visitor id), unique per
      // article: generated visitors never collide with real ones (hex ids have no dash).
      like.Bind(1, id).Bind(2, "v:gen-" + std::to_string(i));
      like.Bind(3, article.published_at + 60 * (i + 1));
      WARTA_RETURN_IF_ERROR(like.Run());
      ++report_.likes;
    }
    return Ok();
  }

  Result<void> InsertComments(std::int64_t id, const BulkArticle& article) {
    if (article.comments.empty()) return Ok();
    WARTA_ASSIGN_OR_RETURN(
        auto comment,
        connection_->Prepare("INSERT INTO comments (article_id, depth, body_source, body_html, "
                             "status, created_at) VALUES (?, 0, ?, ?, 'published', ?)"));
    for (const BulkComment& c : article.comments) {
      comment.Reset();
      comment.Bind(1, id).Bind(2, c.body_source).Bind(3, c.body_html).Bind(4, c.created_at);
      WARTA_RETURN_IF_ERROR(comment.Run());
      ++report_.comments;
    }
    return Ok();
  }

  Result<void> CommitBatch() {
    in_batch_ = 0;
    if (!tx_.has_value()) return Ok();
    const std::int64_t replayed_before = prepared_.replayed();
    auto indexed = search_index_.EndBatch(*connection_, batch_first_id_, next_id_ - 1);
    report_.prepared_values += prepared_.replayed() - replayed_before;
    prepared_.Clear();
    if (!indexed.ok()) return indexed.error();
    auto committed = tx_->Commit();
    tx_.reset();
    return committed;
  }

  std::unique_ptr<Connection> connection_;
  PreparedDocuments prepared_;  // the current batch's, for the tokenizer
  std::int64_t batch_articles_ = kBulkBatchArticles;
  std::optional<Transaction> tx_;
  model::TrendingPolicy policy_;
  BulkSearchIndex search_index_;
  BulkLoadReport report_;
  std::int64_t next_id_ = 1;
  std::int64_t batch_first_id_ = 1;
  std::int64_t now_ = 0;
  std::int64_t in_batch_ = 0;
  bool finished_ = false;
};

}  // namespace

Result<std::unique_ptr<BulkLoader>> OpenSqliteBulkLoader(const std::string& path,
                                                         std::int64_t batch_articles) {
  WARTA_ASSIGN_OR_RETURN(auto connection, Connection::Open(path, nullptr));
  auto loader = std::make_unique<SqliteBulkLoader>(std::move(connection), batch_articles);
  WARTA_RETURN_IF_ERROR(loader->Start());
  return std::unique_ptr<BulkLoader>(std::move(loader));
}

}  // namespace warta::storage::sqlite
