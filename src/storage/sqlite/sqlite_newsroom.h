// The SQLite backend of the newsroom's stores. Internal to src/storage/sqlite/ (obtain them
// through storage::Store).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/account_link_store.h"
#include "storage/audit_store.h"
#include "storage/author_store.h"
#include "storage/day_totals_store.h"
#include "storage/editorial_store.h"
#include "storage/page_store.h"
#include "storage/presence_store.h"
#include "storage/section_store.h"
#include "storage/sqlite/connection_pool.h"
#include "storage/token_store.h"

namespace warta::storage::sqlite {

// sqlite_editorial_store.cpp (writes), sqlite_editorial_reads.cpp (reads), and
// sqlite_editorial_due.cpp (the publisher's queries).
class SqliteEditorialStore final : public EditorialStore {
 public:
  explicit SqliteEditorialStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::int64_t> Create(const NewEditorialArticle& article) override;
  Result<model::EditorialArticle> Find(std::int64_t id) override;
  Result<SaveResult> Save(const ArticleSave& save) override;
  Result<AdminListPage> List(const AdminListQuery& query) override;
  Result<std::vector<model::RevisionMeta>> ListRevisions(std::int64_t article_id,
                                                         std::int64_t before, int limit) override;
  Result<std::vector<model::StoredRevision>> RevisionChain(std::int64_t article_id,
                                                           std::int64_t number) override;
  Result<std::vector<model::Correction>> Corrections(std::int64_t article_id) override;
  Result<std::vector<model::Correction>> RecentCorrections(std::int64_t before_id,
                                                           int limit) override;
  Result<std::optional<model::ArticleWire>> Wire(std::int64_t article_id) override;
  Result<std::vector<DueChange>> ListDue(std::int64_t now, int limit) override;
  Result<std::optional<std::int64_t>> NextDue() override;
  Result<bool> PublishDue(std::int64_t article_id, std::int64_t now,
                          const model::AuditEntry& audit) override;
  Result<bool> UnpublishDue(std::int64_t article_id, std::int64_t now,
                            const model::AuditEntry& audit) override;
  Result<std::vector<model::ArticleSummary>> ListFeatured(int limit) override;
  // The section and author listings: sqlite_section_listing.cpp.
  Result<std::vector<model::ArticleSummary>> ListBySection(std::int64_t section_id, int limit,
                                                           int offset) override;
  Result<std::vector<model::ArticleSummary>> ListBySectionAfter(
      std::int64_t section_id, int limit, const std::optional<ListCursor>& after) override;
  Result<std::int64_t> CountBySection(std::int64_t section_id, std::int64_t cap) override;
  Result<std::vector<model::ArticleSummary>> ListByAuthor(std::int64_t author_id, int limit,
                                                          int offset) override;
  Result<std::vector<model::ArticleSummary>> ListByAuthorAfter(
      std::int64_t author_id, int limit, const std::optional<ListCursor>& after) override;
  Result<std::int64_t> CountByAuthor(std::int64_t author_id, std::int64_t cap) override;

 private:
  ConnectionPool& pool_;
};

// sqlite_newsroom_stores.cpp
class SqliteSectionStore final : public SectionStore {
 public:
  explicit SqliteSectionStore(ConnectionPool& pool) : pool_(pool) {}
  Result<std::vector<model::Section>> List() override;
  Result<std::optional<model::Section>> FindBySlug(const std::string& slug) override;
  Result<std::int64_t> Create(const model::Section& section,
                              const model::AuditEntry& audit) override;
  Result<void> Update(const model::Section& section, const model::AuditEntry& audit) override;

 private:
  ConnectionPool& pool_;
};

class SqliteAuthorStore final : public AuthorStore {
 public:
  explicit SqliteAuthorStore(ConnectionPool& pool) : pool_(pool) {}
  Result<std::vector<model::Author>> List(std::int64_t after_id, int limit) override;
  Result<std::optional<model::Author>> FindBySlug(const std::string& slug) override;
  Result<void> Update(const model::Author& author, const model::AuditEntry& audit) override;

 private:
  ConnectionPool& pool_;
};

class SqlitePageStore final : public PageStore {
 public:
  explicit SqlitePageStore(ConnectionPool& pool) : pool_(pool) {}
  Result<std::vector<model::Page>> List() override;
  Result<std::optional<model::Page>> FindBySlug(const std::string& slug) override;
  Result<std::int64_t> Create(const model::Page& page, const model::AuditEntry& audit) override;
  Result<void> Update(const model::Page& page, const model::AuditEntry& audit) override;
  Result<void> Delete(std::int64_t id, const model::AuditEntry& audit) override;

 private:
  ConnectionPool& pool_;
};

// sqlite_people_stores.cpp
class SqliteAuditStore final : public AuditStore {
 public:
  explicit SqliteAuditStore(ConnectionPool& pool) : pool_(pool) {}
  Result<std::int64_t> Append(const model::AuditEntry& entry) override;
  Result<std::vector<model::AuditEntry>> List(const AuditQuery& query) override;

 private:
  ConnectionPool& pool_;
};

class SqliteTokenStore final : public TokenStore {
 public:
  explicit SqliteTokenStore(ConnectionPool& pool) : pool_(pool) {}
  Result<std::int64_t> Create(std::int64_t user_id, const std::string& token_hash,
                              const std::string& label, std::int64_t now,
                              const model::AuditEntry& audit) override;
  Result<std::optional<TokenOwner>> FindActive(const std::string& token_hash) override;
  Result<void> Touch(std::int64_t token_id, std::int64_t now) override;
  Result<void> Revoke(std::int64_t token_id, std::int64_t now,
                      const model::AuditEntry& audit) override;
  Result<std::vector<model::ApiToken>> ListForUser(std::int64_t user_id) override;

 private:
  ConnectionPool& pool_;
};

class SqliteAccountLinkStore final : public AccountLinkStore {
 public:
  explicit SqliteAccountLinkStore(ConnectionPool& pool) : pool_(pool) {}
  Result<void> Create(const model::AccountLink& link, const model::AuditEntry& audit) override;
  Result<std::optional<model::AccountLink>> FindUsable(const std::string& token_hash,
                                                       std::int64_t now) override;
  Result<bool> Use(const std::string& token_hash, std::int64_t now) override;
  Result<std::vector<model::AccountLink>> ListUsable(std::int64_t now, int limit) override;

 private:
  ConnectionPool& pool_;
};

class SqlitePresenceStore final : public PresenceStore {
 public:
  explicit SqlitePresenceStore(ConnectionPool& pool) : pool_(pool) {}
  Result<void> Touch(std::int64_t article_id, std::int64_t user_id, std::int64_t now) override;
  Result<void> Leave(std::int64_t article_id, std::int64_t user_id) override;
  Result<std::vector<model::EditPresence>> Others(std::int64_t article_id, std::int64_t user_id,
                                                  std::int64_t since) override;
  Result<std::int64_t> Purge(std::int64_t before) override;

 private:
  ConnectionPool& pool_;
};

// sqlite_day_totals_store.cpp
class SqliteDayTotalsStore final : public DayTotalsStore {
 public:
  explicit SqliteDayTotalsStore(ConnectionPool& pool) : pool_(pool) {}
  Result<std::vector<model::DayTotals>> PerDay(std::int64_t from_day, std::int64_t to_day) override;
  Result<std::vector<model::RankedTotals>> TopArticles(std::int64_t from_day, std::int64_t to_day,
                                                       int limit) override;
  Result<std::vector<model::RankedTotals>> BySection(std::int64_t from_day,
                                                     std::int64_t to_day) override;
  Result<std::vector<model::RankedTotals>> BySource(std::int64_t from_day,
                                                    std::int64_t to_day) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace warta::storage::sqlite
