// The PostgreSQL backend of the newsroom's small stores: sections, authors, static pages
// (pg_newsroom_stores.cpp), the audit log, API tokens, account links and edit presence
// (pg_staff_stores.cpp). Internal to src/storage/postgres/ (pg_store.h bundles them).
#pragma once

#include "storage/account_link_store.h"
#include "storage/audit_store.h"
#include "storage/author_store.h"
#include "storage/page_store.h"
#include "storage/postgres/pg_pool.h"
#include "storage/presence_store.h"
#include "storage/section_store.h"
#include "storage/token_store.h"

namespace warta::storage::postgres {

class PgSectionStore final : public SectionStore {
 public:
  explicit PgSectionStore(Pool& pool) : pool_(pool) {}
  Result<std::vector<model::Section>> List() override;
  Result<std::optional<model::Section>> FindBySlug(const std::string& slug) override;
  Result<std::int64_t> Create(const model::Section& section,
                              const model::AuditEntry& audit) override;
  Result<void> Update(const model::Section& section, const model::AuditEntry& audit) override;

 private:
  Pool& pool_;
};

class PgAuthorStore final : public AuthorStore {
 public:
  explicit PgAuthorStore(Pool& pool) : pool_(pool) {}
  Result<std::vector<model::Author>> List(std::int64_t after_id, int limit) override;
  Result<std::optional<model::Author>> FindBySlug(const std::string& slug) override;
  Result<void> Update(const model::Author& author, const model::AuditEntry& audit) override;

 private:
  Pool& pool_;
};

class PgPageStore final : public PageStore {
 public:
  explicit PgPageStore(Pool& pool) : pool_(pool) {}
  Result<std::vector<model::Page>> List() override;
  Result<std::optional<model::Page>> FindBySlug(const std::string& slug) override;
  Result<std::int64_t> Create(const model::Page& page, const model::AuditEntry& audit) override;
  Result<void> Update(const model::Page& page, const model::AuditEntry& audit) override;
  Result<void> Delete(std::int64_t id, const model::AuditEntry& audit) override;

 private:
  Pool& pool_;
};

class PgAuditStore final : public AuditStore {
 public:
  explicit PgAuditStore(Pool& pool) : pool_(pool) {}
  Result<std::int64_t> Append(const model::AuditEntry& entry) override;
  Result<std::vector<model::AuditEntry>> List(const AuditQuery& query) override;

 private:
  Pool& pool_;
};

class PgTokenStore final : public TokenStore {
 public:
  explicit PgTokenStore(Pool& pool) : pool_(pool) {}
  Result<std::int64_t> Create(std::int64_t user_id, const std::string& token_hash,
                              const std::string& label, std::int64_t now,
                              const model::AuditEntry& audit) override;
  Result<std::optional<TokenOwner>> FindActive(const std::string& token_hash) override;
  Result<void> Touch(std::int64_t token_id, std::int64_t now) override;
  Result<void> Revoke(std::int64_t token_id, std::int64_t now,
                      const model::AuditEntry& audit) override;
  Result<std::vector<model::ApiToken>> ListForUser(std::int64_t user_id) override;

 private:
  Pool& pool_;
};

class PgAccountLinkStore final : public AccountLinkStore {
 public:
  explicit PgAccountLinkStore(Pool& pool) : pool_(pool) {}
  Result<void> Create(const model::AccountLink& link, const model::AuditEntry& audit) override;
  Result<std::optional<model::AccountLink>> FindUsable(const std::string& token_hash,
                                                       std::int64_t now) override;
  Result<bool> Use(const std::string& token_hash, std::int64_t now) override;
  Result<std::vector<model::AccountLink>> ListUsable(std::int64_t now, int limit) override;

 private:
  Pool& pool_;
};

class PgPresenceStore final : public PresenceStore {
 public:
  explicit PgPresenceStore(Pool& pool) : pool_(pool) {}
  Result<void> Touch(std::int64_t article_id, std::int64_t user_id, std::int64_t now) override;
  Result<void> Leave(std::int64_t article_id, std::int64_t user_id) override;
  Result<std::vector<model::EditPresence>> Others(std::int64_t article_id, std::int64_t user_id,
                                                  std::int64_t since) override;
  Result<std::int64_t> Purge(std::int64_t before) override;

 private:
  Pool& pool_;
};

}  // namespace warta::storage::postgres
