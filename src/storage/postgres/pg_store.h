// The PostgreSQL backend (docs/decisions: issue 14; DESIGN.md "Scale-out"): the store
// interfaces over a libpq connection pool, for sites that run several warta nodes on one
// database. This header is for the backend's own code and tests.
//
// PgStore implements storage::Store: OpenStore("postgresql://...") returns one. Every store
// passes the storage contract suite (tests/storage/) on both backends.
#pragma once

#include <memory>
#include <string>

#include "storage/article_store.h"
#include "storage/day_totals_store.h"
#include "storage/listing_store.h"
#include "storage/media_store.h"
#include "storage/postgres/pg_comments.h"
#include "storage/postgres/pg_counters.h"
#include "storage/postgres/pg_editorial.h"
#include "storage/postgres/pg_newsroom.h"
#include "storage/postgres/pg_pool.h"
#include "storage/postgres/pg_readers.h"
#include "storage/postgres/pg_search.h"
#include "storage/settings_store.h"
#include "storage/source_store.h"
#include "storage/spam_store.h"
#include "storage/store.h"
#include "storage/tag_store.h"
#include "storage/trending_store.h"

namespace warta::storage::postgres {

class PgArticleStore final : public ArticleStore {
 public:
  PgArticleStore(Pool& pool, const TrendingPolicyHolder& trending)
      : pool_(pool), trending_(trending) {}

  Result<std::int64_t> Insert(const model::NewArticle& article) override;
  Result<model::Article> FindById(std::int64_t id) override;
  Result<std::vector<model::ArticleSummary>> ListNewest(int limit, int offset) override;
  Result<std::int64_t> Count() override;
  Result<model::Counters> GetCounters(std::int64_t id) override;
  Result<std::vector<std::int64_t>> AddViews(
      const std::vector<std::pair<std::int64_t, std::int64_t>>& deltas, std::int64_t day) override;

  // Ingest (pg_ingest_articles.cpp).
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
  Pool& pool_;
  const TrendingPolicyHolder& trending_;
};

class PgSettingsStore final : public SettingsStore {
 public:
  explicit PgSettingsStore(Pool& pool) : pool_(pool) {}

  Result<std::optional<std::string>> Get(const std::string& key) override;
  Result<void> Set(const std::string& key, const std::string& value) override;

 private:
  Pool& pool_;
};

// pg_source_store.cpp
class PgSourceStore final : public SourceStore {
 public:
  explicit PgSourceStore(Pool& pool) : pool_(pool) {}

  Result<std::int64_t> Add(const model::NewSource& source) override;
  Result<model::Source> FindById(std::int64_t id) override;
  Result<std::optional<model::Source>> FindByUrl(const std::string& url) override;
  Result<std::vector<model::Source>> List(std::int64_t now) override;
  Result<std::vector<model::Source>> ListDue(std::int64_t now, int limit) override;
  Result<void> RecordFetch(std::int64_t id, const model::FetchRecord& record) override;
  Result<void> UpdateSettings(std::int64_t id, const model::NewSource& settings) override;

 private:
  Pool& pool_;
};

class PgListingStore final : public ListingStore {
 public:
  explicit PgListingStore(Pool& pool) : pool_(pool) {}

  Result<std::vector<model::Article>> NewestArticles(const ListingFilter& filter,
                                                     int limit) override;
  Result<std::vector<NameCount>> SourceNames(int limit) override;
  Result<std::vector<NameCount>> TagNames(int limit) override;
  Result<std::vector<SitemapRow>> SitemapRows(std::int64_t offset, int limit) override;
  Result<std::vector<SitemapRow>> PublishedBetween(std::int64_t since, std::int64_t until,
                                                   int limit) override;
  Result<std::int64_t> LastUpdated() override;

 private:
  Pool& pool_;
};

class PgTagStore final : public TagStore {
 public:
  explicit PgTagStore(Pool& pool) : pool_(pool) {}

  Result<std::vector<TagCount>> ListTags(int limit) override;
  Result<std::vector<model::ArticleSummary>> ListByTags(const std::vector<std::string>& tags,
                                                        int limit, int offset) override;
  // The listings: pg_tag_listing.cpp.
  Result<std::vector<model::ArticleSummary>> ListByTagsAfter(
      const std::vector<std::string>& tags, int limit,
      const std::optional<ListCursor>& after) override;
  Result<std::int64_t> CountByTags(const std::vector<std::string>& tags, std::int64_t cap) override;
  Result<std::vector<std::pair<std::int64_t, std::vector<std::string>>>> TagsOf(
      const std::vector<std::int64_t>& article_ids) override;
  Result<std::vector<RelatedArticle>> Related(std::int64_t article_id, int limit,
                                              std::int64_t window_seconds) override;

 private:
  Pool& pool_;
};

// pg_engagement_reads.cpp
class PgSpamStore final : public SpamStore {
 public:
  explicit PgSpamStore(Pool& pool) : pool_(pool) {}

  Result<void> Train(const std::vector<std::vector<std::string>>& messages, bool is_spam,
                     int delta) override;
  Result<model::SpamTotals> Totals() override;
  Result<model::SpamSnapshot> Lookup(const std::vector<std::string>& tokens) override;

 private:
  Pool& pool_;
};

class PgTrendingStore final : public TrendingStore {
 public:
  PgTrendingStore(Pool& pool, TrendingPolicyHolder& policy) : pool_(pool), policy_(policy) {}

  Result<void> SetPolicy(const model::TrendingPolicy& policy, std::int64_t now) override;
  model::TrendingPolicy policy() const override { return policy_.Get(); }
  Result<void> Credit(std::int64_t article_id, model::EngagementKind kind, std::int64_t count,
                      std::int64_t at) override;
  Result<std::vector<PopularArticle>> Top(const PopularQuery& query) override;

 private:
  Pool& pool_;
  TrendingPolicyHolder& policy_;
};

class PgDayTotalsStore final : public DayTotalsStore {
 public:
  explicit PgDayTotalsStore(Pool& pool) : pool_(pool) {}

  Result<std::vector<model::DayTotals>> PerDay(std::int64_t from_day, std::int64_t to_day) override;
  Result<std::vector<model::RankedTotals>> TopArticles(std::int64_t from_day, std::int64_t to_day,
                                                       int limit) override;
  Result<std::vector<model::RankedTotals>> BySection(std::int64_t from_day,
                                                     std::int64_t to_day) override;
  Result<std::vector<model::RankedTotals>> BySource(std::int64_t from_day,
                                                    std::int64_t to_day) override;

 private:
  Pool& pool_;
};

// pg_media_store.cpp
class PgMediaStore final : public MediaStore {
 public:
  explicit PgMediaStore(Pool& pool) : pool_(pool) {}

  Result<std::int64_t> Insert(const model::NewMedia& media) override;
  Result<model::Media> FindById(std::int64_t id) override;
  Result<std::optional<model::Media>> FindBySha256(const std::string& sha256) override;
  Result<std::vector<model::Media>> ListNewest(int limit, int offset) override;
  Result<std::vector<model::Media>> ListBefore(std::int64_t before_id, int limit) override;
  Result<void> UpdateText(std::int64_t id, const model::MediaText& text,
                          const model::AuditEntry& audit) override;

 private:
  Pool& pool_;
};

class PgStore final : public Store {
 public:
  // Connects to `url` (postgresql://USER@HOST:PORT/DBNAME, libpq's URL form; a conninfo string
  // works too). Unavailable when the server cannot be reached.
  static Result<std::unique_ptr<PgStore>> Open(const std::string& url,
                                               const PoolOptions& options = PoolOptions());

  // Applies pending migrations (migrations::Postgres()), each in its own transaction under a
  // transaction-level advisory lock, so nodes starting together migrate once. Corrupt when
  // the database has a newer schema than this binary knows. Returns the schema version.
  Result<int> Migrate() override;
  Result<int> SchemaVersion() override;

  ArticleStore& articles() override { return articles_; }
  SettingsStore& settings() override { return settings_; }
  ListingStore& listings() override { return listings_; }
  TagStore& tags() override { return tags_; }
  SourceStore& sources() override { return sources_; }
  SearchStore& search() override { return search_; }
  UserStore& users() override { return users_; }
  SessionStore& sessions() override { return sessions_; }
  CommentStore& comments() override { return comments_; }
  SpamStore& spam() override { return spam_; }
  TrendingStore& trending() override { return trending_; }
  DayTotalsStore& day_totals() override { return day_totals_; }
  EditorialStore& editorial() override { return editorial_; }
  SectionStore& sections() override { return sections_; }
  AuthorStore& authors() override { return authors_; }
  PageStore& pages() override { return pages_; }
  AuditStore& audit() override { return audit_; }
  TokenStore& tokens() override { return tokens_; }
  AccountLinkStore& account_links() override { return account_links_; }
  PresenceStore& presence() override { return presence_; }
  MediaStore& media() override { return media_; }
  LikeStore& likes() override { return likes_; }
  ShareStore& shares() override { return shares_; }
  // PostgreSQL is backed up with its own tools (pg_dump, base backups): InvalidArgument.
  Result<BackupReport> Backup(const std::string& path, const BackupOptions& options) override;
  const char* backend_name() const override { return "postgresql"; }

  Pool& pool() { return *pool_; }

 private:
  explicit PgStore(std::unique_ptr<Pool> pool);

  std::unique_ptr<Pool> pool_;
  TrendingPolicyHolder trending_policy_;  // before the stores that read it
  PgArticleStore articles_;
  PgSettingsStore settings_;
  PgListingStore listings_;
  PgTagStore tags_;
  PgSourceStore sources_;
  PgUserStore users_;
  PgSessionStore sessions_;
  PgCommentStore comments_;
  PgSpamStore spam_;
  PgTrendingStore trending_;
  PgDayTotalsStore day_totals_;
  PgSectionStore sections_;
  PgAuthorStore authors_;
  PgPageStore pages_;
  PgAuditStore audit_;
  PgTokenStore tokens_;
  PgAccountLinkStore account_links_;
  PgPresenceStore presence_;
  PgMediaStore media_;
  PgLikeStore likes_;
  PgShareStore shares_;
  PgEditorialStore editorial_;
  PgSearchStore search_;
};

}  // namespace warta::storage::postgres
