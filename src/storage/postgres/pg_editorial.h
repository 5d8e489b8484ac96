// The editorial store on PostgreSQL (storage/editorial_store.h): writes in
// pg_editorial_store.cpp, the publisher's queries in pg_editorial_due.cpp, reads in
// pg_editorial_reads.cpp, the rows besides the article in pg_editorial_rows.cpp. Internal to
// src/storage/postgres/ (pg_store.h bundles it).
//
// Saves lock the article row (SELECT ... FOR UPDATE) before checking the expected revision
// and status, so of two editors or nodes saving at once the second sees the first's result.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/editorial_store.h"
#include "storage/postgres/pg_pool.h"

namespace warta::storage::postgres {

class PgEditorialStore final : public EditorialStore {
 public:
  explicit PgEditorialStore(Pool& pool) : pool_(pool) {}

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
  // The section and author listings: pg_section_listing.cpp.
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
  Pool& pool_;
};

// --- pg_editorial_rows.cpp ---
class Connection;

// The id of the section or author with ref.slug, created with ref.name when there is none.
Result<std::int64_t> ResolveSection(Connection& connection, const model::NamedRef& ref,
                                    std::int64_t now);
Result<std::int64_t> ResolveAuthor(Connection& connection, const model::NamedRef& ref,
                                   std::int64_t now);
// Replaces the article's bylines with `author_ids`, in order.
Result<void> ReplaceBylines(Connection& connection, std::int64_t article_id,
                            const std::vector<std::int64_t>& author_ids);
// Replaces the article's tags when they differ from the stored ones.
Result<void> ReplaceTags(Connection& connection, std::int64_t article_id,
                         const std::vector<std::string>& tags);
// InvalidArgument (user key kUnknownMediaKey) unless media_id is 0 or a stored medium.
Result<void> CheckLeadMedia(Connection& connection, std::int64_t media_id);
// Writes one revision row of `article_id`; AlreadyExists when its number is taken.
Result<void> InsertRevision(Connection& connection, std::int64_t article_id,
                            const NewRevision& revision, std::int64_t section_id);

}  // namespace warta::storage::postgres
