// The SQLite backend of storage::MediaStore: media and media_variants (migration 10).
// Internal to src/storage/sqlite/.
#pragma once

#include "storage/media_store.h"
#include "storage/sqlite/connection_pool.h"

namespace warta::storage::sqlite {

class SqliteMediaStore final : public MediaStore {
 public:
  explicit SqliteMediaStore(ConnectionPool& pool) : pool_(pool) {}

  Result<std::int64_t> Insert(const model::NewMedia& media) override;
  Result<model::Media> FindById(std::int64_t id) override;
  Result<std::optional<model::Media>> FindBySha256(const std::string& sha256) override;
  Result<std::vector<model::Media>> ListNewest(int limit, int offset) override;
  Result<std::vector<model::Media>> ListBefore(std::int64_t before_id, int limit) override;
  Result<void> UpdateText(std::int64_t id, const model::MediaText& text,
                          const model::AuditEntry& audit) override;

 private:
  ConnectionPool& pool_;
};

}  // namespace warta::storage::sqlite
