// The embedded SQLite backend of storage::Store. Obtain it through storage::OpenStore
// ("sqlite:PATH"); this header is for the backend's own code and tests.
#pragma once

#include <memory>
#include <string>

#include "storage/article_store.h"
#include "storage/listing_store.h"
#include "storage/settings_store.h"
#include "storage/source_store.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/sqlite/sqlite_comments.h"
#include "storage/sqlite/sqlite_media_store.h"
#include "storage/sqlite/sqlite_newsroom.h"
#include "storage/sqlite/sqlite_readers.h"
#include "storage/sqlite/sqlite_search_store.h"
#include "storage/sqlite/sqlite_spam_store.h"
#include "storage/sqlite/sqlite_trending.h"
#include "storage/sqlite/trending_credit.h"
#include "storage/store.h"

namespace warta::storage::sqlite {

inline constexpr int kDefaultMaxConnections = 8;

class SqliteArticleStore final : public ArticleStore {
 public:
  SqliteArticleStore(ConnectionPool& pool, const TrendingPolicyHolder& trending)
      : pool_(pool), trending_(trending) {}

  Result<std::int64_t> Insert(const model::NewArticle& article) override;
  Result<model::Article> FindById(std::int64_t id) override;
  Result<std::vector<model::ArticleSummary>> ListNewest(int limit, int offset) override;
  Result<std::int64_t> Count() override;
  Result<model::Counters> GetCounters(std::int64_t id) override;
  Result<std::vector<std::int64_t>> AddViews(
      const std::vector<std::pair<std::int64_t, std::int64_t>>& deltas, std::int64_t day) override;

  // Ingest (sqlite_ingest_articles.cpp).
  Result<std::optional<std::int64_t>> FindIdByGuid(std::int64_t source_id,
                                                   const std::string& guid) override;
  Result<std::optional<std::int64_t>> FindIdByCanonicalUrl(
      const std::string& canonical_url) override;
  Result<std::optional<std::int64_t>> FindIdByContentHash(std::int64_t source_id,
                                                          const std::string& content_hash) override;
  Result<std::vector<SimhashCandidate>> RecentSimhashes(std::int64_t from, std::int64_t to,
                                                        int limit) override;
  Result<std::int64_t> JoinStory(std::int64_t article_id, std::int64_t member_id) override;
  Result<std::vector<model::RelatedReport>> AlsoReportedBy(std::int64_t article_id) override;
  Result<std::vector<ArticleRef>> ListBySource(std::int64_t source_id, int limit) override;
  Result<void> UpdateBody(std::int64_t id, const std::string& body_html) override;

 private:
  ConnectionPool& pool_;
  const TrendingPolicyHolder& trending_;
};

// sqlite_source_store.cpp
class SqliteSourceStore final : public SourceStore {
 public:
  explicit SqliteSourceStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::int64_t> Add(const model::NewSource& source) override;
  Result<model::Source> FindById(std::int64_t id) override;
  Result<std::optional<model::Source>> FindByUrl(const std::string& url) override;
  Result<std::vector<model::Source>> List(std::int64_t now) override;
  Result<std::vector<model::Source>> ListDue(std::int64_t now, int limit) override;
  Result<void> RecordFetch(std::int64_t id, const model::FetchRecord& record) override;
  Result<void> UpdateSettings(std::int64_t id, const model::NewSource& settings) override;

 private:
  ConnectionPool& pool_;
};

// sqlite_listing_store.cpp
class SqliteListingStore final : public ListingStore {
 public:
  explicit SqliteListingStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::vector<model::Article>> NewestArticles(const ListingFilter& filter,
                                                     int limit) override;
  Result<std::vector<NameCount>> SourceNames(int limit) override;
  Result<std::vector<NameCount>> TagNames(int limit) override;
  Result<std::vector<SitemapRow>> SitemapRows(std::int64_t offset, int limit) override;
  Result<std::vector<SitemapRow>> PublishedBetween(std::int64_t since, std::int64_t until,
                                                   int limit) override;
  Result<std::int64_t> LastUpdated() override;

 private:
  ConnectionPool& pool_;
};

class SqliteSettingsStore final : public SettingsStore {
 public:
  explicit SqliteSettingsStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::optional<std::string>> Get(const std::string& key) override;
  Result<void> Set(const std::string& key, const std::string& value) override;

 private:
  ConnectionPool& pool_;
};

class SqliteStore final : public Store {
 public:
  // Opens (creating if absent) the database at `path`; the parent directory must exist.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   int max_connections = kDefaultMaxConnections);

  Result<int> Migrate() override;
  Result<int> SchemaVersion() override;
  Result<BackupReport> Backup(const std::string& path, const BackupOptions& options) override;
  ArticleStore& articles() override { return articles_; }
  SettingsStore& settings() override { return settings_; }
  SourceStore& sources() override { return sources_; }
  SearchStore& search() override { return search_; }
  UserStore& users() override { return users_; }
  SessionStore& sessions() override { return sessions_; }
  LikeStore& likes() override { return likes_; }
  ShareStore& shares() override { return shares_; }
  SpamStore& spam() override { return spam_; }
  CommentStore& comments() override { return comments_; }
  ListingStore& listings() override { return listings_; }
  TrendingStore& trending() override { return trending_; }
  TagStore& tags() override { return tags_; }
  MediaStore& media() override { return media_; }
  EditorialStore& editorial() override { return editorial_; }
  SectionStore& sections() override { return sections_; }
  AuthorStore& authors() override { return authors_; }
  PageStore& pages() override { return pages_; }
  AuditStore& audit() override { return audit_; }
  TokenStore& tokens() override { return tokens_; }
  AccountLinkStore& account_links() override { return account_links_; }
  PresenceStore& presence() override { return presence_; }
  DayTotalsStore& day_totals() override { return day_totals_; }
  const char* backend_name() const override { return "sqlite"; }

  ConnectionPool& pool() { return *pool_; }

 private:
  explicit SqliteStore(std::unique_ptr<ConnectionPool> pool);

  std::unique_ptr<ConnectionPool> pool_;
  TrendingPolicyHolder trending_policy_;  // before the stores that read it
  GroupCommit group_commit_;              // before the stores that write through it
  SqliteArticleStore articles_;
  SqliteSettingsStore settings_;
  SqliteSourceStore sources_;
  SqliteSearchStore search_;
  SqliteUserStore users_;
  SqliteSessionStore sessions_;
  SqliteLikeStore likes_;
  SqliteShareStore shares_;
  SqliteSpamStore spam_;
  SqliteCommentStore comments_;
  SqliteListingStore listings_;
  SqliteTrendingStore trending_;
  SqliteTagStore tags_;
  SqliteMediaStore media_;
  SqliteEditorialStore editorial_;
  SqliteSectionStore sections_;
  SqliteAuthorStore authors_;
  SqlitePageStore pages_;
  SqliteAuditStore audit_;
  SqliteTokenStore tokens_;
  SqliteAccountLinkStore account_links_;
  SqlitePresenceStore presence_;
  SqliteDayTotalsStore day_totals_;
};

}  // namespace warta::storage::sqlite
